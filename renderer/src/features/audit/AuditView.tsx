import { useTranslation } from 'react-i18next';
import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import type { AuditRevertTarget } from '../../api/audit.queries.js';
import { useAuditEntry } from '../../api/useAudit.js';
import { Button } from '../../components/Button.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { AuditDetail } from './AuditDetail.js';
import { AuditExportButtons, type ExportNotice } from './AuditExportButtons.js';
import { AuditFilterBar } from './AuditFilterBar.js';
import { AuditGroupDialog } from './AuditGroupDialog.js';
import { AuditResults } from './AuditResults.js';
import { RevertDialog } from './RevertDialog.js';
import { VerifyButton, VerifyResultLine } from './VerifyChain.js';
import { useAuditVerify } from '../../api/useAuditVerify.js';
import {
  NO_FILTER,
  filterProblem,
  toAuditFilter,
  typedFields,
  type AuditFilterState,
} from './audit-filter.js';
import './AuditView.css';

/** How long the typed filters (paths, user, times) must stay still before the list is asked again. */
const FILTER_DEBOUNCE_MS = 250;

/**
 * The audit centre: every write this machine made (and every refusal), filtered, newest first, in a
 * virtual list over the index; an entry's facts and before/after diff; its sync as a group; revert of an
 * entry or a whole sync; export of what the filters match; and a verify of the hash chain.
 */
export function AuditView() {
  const { t } = useTranslation('audit');

  const [filterState, setFilterState] = useState<AuditFilterState>(NO_FILTER);
  // A choice in a drop-down applies at once; what is typed applies once the typing pauses.
  const typed = typedFields(filterState);
  const settledTyped = useDebouncedValue(typed, FILTER_DEBOUNCE_MS);
  const filter = useMemo(
    () => toAuditFilter({ ...filterState, ...(JSON.parse(settledTyped) as Partial<AuditFilterState>) }),
    [filterState, settledTyped],
  );
  const problem = filterProblem(filter, t);
  // The selected entry: by seq (a link may open one not in the list), with the row's copy shown at once.
  const [selected, setSelected] = useState<{ seq: number; known?: AuditEntry } | null>(null);
  const entry = useAuditEntry(selected?.seq ?? null, selected?.known);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [revertTarget, setRevertTarget] = useState<AuditRevertTarget | null>(null);
  const verify = useAuditVerify();
  // What the last export carried, said only while the filters it exported are the ones shown.
  const filterKey = JSON.stringify(filter);
  const [exported, setExported] = useState<{ key: string; notice: ExportNotice } | null>(null);
  const exportNotice = exported?.key === filterKey ? exported.notice : null;

  const selectEntry = useCallback((row: AuditEntry) => setSelected({ seq: row.seq, known: row }), []);
  const openEntry = useCallback((seq: number) => {
    setRevertTarget(null);
    setGroupId(null);
    setSelected({ seq });
  }, []);

  return (
    <div className="audit-view" data-testid="audit-view">
      <AuditFilterBar value={filterState} onChange={setFilterState} />
      <AuditResults
        filter={filter}
        problem={problem}
        typing={typed !== settledTyped}
        selectedSeq={selected?.seq ?? null}
        onSelect={selectEntry}
        onClearFilters={() => setFilterState(NO_FILTER)}
        tools={
          <>
            <AuditExportButtons
              filter={filter}
              disabled={problem !== null}
              onNotice={(notice) => setExported(notice ? { key: filterKey, notice } : null)}
            />
            <span className="spacer" />
            <VerifyButton verify={verify} />
          </>
        }
        notices={
          <>
            {exportNotice && (
              <div
                className="audit-notice"
                data-tone={exportNotice.ok ? (exportNotice.truncated ? 'warn' : 'plain') : 'bad'}
              >
                <span
                  data-testid="audit-export-result"
                  data-ok={exportNotice.ok}
                  data-truncated={exportNotice.truncated}
                >
                  {exportNotice.text}
                </span>
                <span className="spacer" />
                <Button
                  small
                  tone="ghost"
                  aria-label={t('auditView.dismiss')}
                  onClick={() => setExported(null)}
                >
                  ×
                </Button>
              </div>
            )}
            <VerifyResultLine verify={verify} onOpenEntry={openEntry} />
          </>
        }
      />
      {selected && entry.isError && (
        <div className="audit-detail audit-detail-missing">
          <ErrorLine error={entry.error} plain testId="audit-detail-error" />
          <Button small onClick={() => setSelected(null)}>
            {t('auditView.close')}
          </Button>
        </div>
      )}
      {selected && entry.data && (
        <AuditDetail
          entry={entry.data}
          onOpenGroup={setGroupId}
          onOpenEntry={openEntry}
          onRevert={(row) => setRevertTarget({ seq: row.seq })}
          onClose={() => setSelected(null)}
        />
      )}
      {groupId !== null && (
        <AuditGroupDialog
          syncId={groupId}
          selectedSeq={selected?.seq ?? null}
          onOpenEntry={(row) => {
            setGroupId(null);
            selectEntry(row);
          }}
          onRevertGroup={(syncId) => {
            // One dialog at a time: the revert's report links to the entries, the list shows the group.
            setGroupId(null);
            setRevertTarget({ syncId });
          }}
          onClose={() => setGroupId(null)}
        />
      )}
      {revertTarget !== null && (
        <RevertDialog
          target={revertTarget}
          entry={'seq' in revertTarget && entry.data?.seq === revertTarget.seq ? entry.data : null}
          onOpenEntry={openEntry}
          onClose={() => setRevertTarget(null)}
        />
      )}
    </div>
  );
}
