import { useCallback, useMemo } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { useAuditGroup } from '../../api/useAudit.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { QueryState } from '../../components/QueryState.js';
import { countOf } from '../../lib/format-bytes.js';
import { formatTime } from '../../lib/format-time.js';
import { AuditList } from './AuditList.js';

interface Props {
  syncId: string;
  /** The entry shown in the detail pane, marked in the list when it belongs to the sync. */
  selectedSeq: number | null;
  onOpenEntry: (entry: AuditEntry) => void;
  onRevertGroup: (syncId: string) => void;
  onClose: () => void;
}

/** Where and when one sync wrote, in a line: connection, environment, the first and last write's times. */
function groupSummary(entries: readonly AuditEntry[]): string {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last) return '';
  const span =
    first.time === last.time
      ? formatTime(first.time)
      : `${formatTime(first.time)} – ${formatTime(last.time)}`;
  const ok = entries.filter((entry) => entry.outcome === 'ok').length;
  return `${countOf(entries.length, 'entry', 'entries')} (${ok} ok) on ${first.connection.name} (${first.connection.environment}), ${span}, by ${first.user}@${first.host}.`;
}

/** Every entry of one sync as one group, in the order written, with "Revert this sync". */
export function AuditGroupDialog({ syncId, selectedSeq, onOpenEntry, onRevertGroup, onClose }: Props) {
  const group = useAuditGroup(syncId);
  const entries = useMemo(() => group.data ?? [], [group.data]);
  const entryAt = useCallback((index: number) => entries[index], [entries]);
  return (
    <Dialog
      title={
        <>
          Sync <span className="mono">{syncId}</span>
        </>
      }
      size="wide"
      onClose={onClose}
      testId="audit-group-dialog"
      footer={
        <>
          <span className="muted">Click an entry to open it.</span>
          <span className="spacer" />
          <Button onClick={onClose}>Close</Button>
          <Button
            tone="primary"
            testId="audit-revert-group"
            disabled={entries.length === 0}
            onClick={() => onRevertGroup(syncId)}
          >
            Revert this sync
          </Button>
        </>
      }
    >
      <QueryState query={group} loading="Reading the sync’s entries…" plainError>
        {(data) => (
          <>
            <div className="muted" data-testid="audit-group-summary" data-count={data.length}>
              {data.length === 0 ? 'The log holds no entry of this sync.' : groupSummary(data)}
            </div>
            <AuditList
              count={data.length}
              entryAt={entryAt}
              selectedSeq={selectedSeq}
              onSelect={onOpenEntry}
              label="Entries of the sync"
              testId="audit-group-list"
            />
          </>
        )}
      </QueryState>
    </Dialog>
  );
}
