import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { useFormat } from '../../i18n/useFormat.js';
import { useCallback, useMemo } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { useAuditGroup } from '../../api/useAudit.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { QueryState } from '../../components/QueryState.js';
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
function groupSummary(entries: readonly AuditEntry[], t: TFunction<'audit'>, f: LocaleFormats): string {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!first || !last) return '';
  const span = first.time === last.time ? f.time(first.time) : `${f.time(first.time)} – ${f.time(last.time)}`;
  const ok = entries.filter((entry) => entry.outcome === 'ok').length;
  return t('groupSummary', {
    count: entries.length,
    n: f.count(entries.length),
    ok: f.count(ok),
    connection: first.connection.name,
    environment: first.connection.environment,
    span,
    user: `${first.user}@${first.host}`,
  });
}

/** Every entry of one sync as one group, in the order written, with "Revert this sync". */
export function AuditGroupDialog({ syncId, selectedSeq, onOpenEntry, onRevertGroup, onClose }: Props) {
  const { t } = useTranslation('audit');
  const format = useFormat();

  const group = useAuditGroup(syncId);
  const entries = useMemo(() => group.data ?? [], [group.data]);
  const entryAt = useCallback((index: number) => entries[index], [entries]);
  return (
    <Dialog
      title={
        <>
          {t('auditGroupDialog.sync')} <span className="mono">{syncId}</span>
        </>
      }
      size="wide"
      onClose={onClose}
      testId="audit-group-dialog"
      footer={
        <>
          <span className="muted">{t('auditGroupDialog.clickAnEntryTo')}</span>
          <span className="spacer" />
          <Button onClick={onClose}>{t('auditGroupDialog.close')}</Button>
          <Button
            tone="primary"
            testId="audit-revert-group"
            disabled={entries.length === 0}
            onClick={() => onRevertGroup(syncId)}
          >
            {t('auditGroupDialog.revertThisSync')}
          </Button>
        </>
      }
    >
      <QueryState query={group} loading={t('auditGroupDialog.readingTheSyncS')} plainError>
        {(data) => (
          <>
            <div className="muted" data-testid="audit-group-summary" data-count={data.length}>
              {data.length === 0 ? t('auditGroupDialog.theLogHoldsNo') : groupSummary(data, t, format)}
            </div>
            <AuditList
              count={data.length}
              entryAt={entryAt}
              selectedSeq={selectedSeq}
              onSelect={onOpenEntry}
              label={t('auditGroupDialog.entriesOfTheSync')}
              testId="audit-group-list"
            />
          </>
        )}
      </QueryState>
    </Dialog>
  );
}
