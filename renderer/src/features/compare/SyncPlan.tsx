import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { SyncPlanView } from '../../../../shared/model/compare.js';
import { useSyncResult } from '../../api/useCompare.js';
import { Button } from '../../components/Button.js';
import { DataTag } from '../../components/DataTag.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { SyncConfirmDialog } from './SyncConfirmDialog.js';
import { SyncPlanCounts } from './SyncPlanCounts.js';
import { SyncPlanItems } from './SyncPlanItems.js';
import { SyncReport } from './SyncReport.js';
import { usePlanSelection } from './usePlanSelection.js';

interface Props {
  plan: SyncPlanView;
  /** The target connection's name: what the prod confirmation asks to type. */
  targetName: string;
  onCompareAgain: () => void;
  /** Told when the sync of this plan starts and ends running (the panel locks re-planning meanwhile). */
  onRunningChange: (running: boolean) => void;
}

/**
 * One plan: its toolbar (target, counts, selection, Apply), then the sync's progress or report, then the items.
 * The report sits above the list so that it shows right under the Apply button, whatever the plan's size.
 */
export function SyncPlan({ plan, targetName, onCompareAgain, onRunningChange }: Props) {
  const format = useFormat();

  const { t } = useTranslation('compare');

  const client = useClient();
  const { showError } = useToasts();
  const selection = usePlanSelection(plan.items);
  const [confirming, setConfirming] = useState(false);
  const [syncJobId, setSyncJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useSyncResult(syncJobId);
  const statusRef = useRef<HTMLDivElement>(null);
  // Applied (or being applied): the plan is history now, a new one is needed to sync again.
  const applied = syncJobId !== null;
  const prod = plan.target.environment === 'prod';

  // Until the job answers its first poll it counts as running; a poll failure ends it for the panel.
  const running = applied && result.error === null && (result.data?.state ?? 'running') === 'running';
  useEffect(() => {
    onRunningChange(running);
    return () => onRunningChange(false);
  }, [running, onRunningChange]);

  // On a short window the toolbar may sit at the bottom edge: bring progress and report into view.
  useEffect(() => {
    if (applied) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [applied, result.data?.state]);

  const apply = async (confirmation: string | null) => {
    setConfirming(false);
    setBusy(true);
    try {
      const { jobId } = await client.call('sync.apply', {
        planId: plan.planId,
        paths: selection.chosenPaths(),
        ...(confirmation !== null ? { confirmation } : {}),
      });
      setSyncJobId(jobId);
    } catch (error) {
      showError(error, t('syncPlan.syncInto', { label: plan.target.label }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-plan" data-testid="sync-plan-view" data-applied={applied}>
      <div className="toolbar compare-toolbar">
        <span>
          {t('syncPlan.target')} <b className="mono">{plan.target.label}</b>
        </span>
        <DataTag className="badge" name="env" value={plan.target.environment} />
        {plan.target.readOnly && <span className="badge badge-lock">{t('syncPlan.readOnly')}</span>}
        <SyncPlanCounts items={plan.items} />
        <span className="muted" data-testid="sync-selected-count" data-selected={selection.count}>
          {t('syncPlan.ofSelected', {
            n: format.count(selection.count),
            n2: format.count(plan.items.length),
          })}
        </span>
        {(
          [
            ['sync-select-all', t('syncPlan.selectAll'), selection.selectAll],
            ['sync-select-none', t('syncPlan.selectNone'), selection.selectNone],
          ] as const
        ).map(([testId, label, choose]) => (
          <Button
            key={testId}
            small
            testId={testId}
            disabled={applied || plan.items.length === 0}
            onClick={choose}
          >
            {label}
          </Button>
        ))}
        <span className="spacer" />
        <Button
          small
          tone={prod ? 'danger' : 'primary'}
          testId="sync-apply"
          disabled={applied || busy || selection.count === 0}
          title={applied ? t('syncPlan.thisPlanWasApplied') : undefined}
          onClick={() => (prod ? setConfirming(true) : void apply(null))}
        >
          {t('syncPlan.apply')}
        </Button>
      </div>
      {applied && (
        <div ref={statusRef} className="sync-outcome" aria-live="polite">
          <SyncReport
            result={result.data}
            pollError={result.error}
            onCompareAgain={onCompareAgain}
            onCancel={() => {
              if (syncJobId !== null)
                void client.call('job.cancel', { jobId: syncJobId }).catch(() => undefined);
            }}
          />
        </div>
      )}
      {plan.items.length === 0 ? (
        <div className="empty-state">{t('syncPlan.nothingToSync')}</div>
      ) : (
        <SyncPlanItems items={plan.items} selection={selection} disabled={applied} />
      )}
      {confirming && (
        <SyncConfirmDialog
          targetLabel={plan.target.label}
          expected={targetName}
          count={selection.count}
          onConfirm={(typed) => void apply(typed)}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
