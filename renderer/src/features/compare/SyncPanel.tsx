import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { SourceRef, SyncDirection, SyncPlanView } from '../../../../shared/model/compare.js';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { Checkbox } from '../../components/Checkbox.js';
import { Select } from '../../components/Select.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { SyncPlan } from './SyncPlan.js';

interface Props {
  compareJobId: string;
  left: SourceRef;
  right: SourceRef;
  profiles: readonly ConnectionProfile[];
  /** Runs the same comparison again (a new job: this panel, its plan and report start over). */
  onCompareAgain: () => void;
}

const DIRECTIONS = ['left-to-right', 'right-to-left'] as const;

/** Plans a sync from the finished comparison; the plan below lets the user pick items and apply them. */
export function SyncPanel({ compareJobId, left, right, profiles, onCompareAgain }: Props) {
  const { t } = useTranslation('compare');

  const client = useClient();
  const { showError } = useToasts();
  const [direction, setDirection] = useState<SyncDirection>('left-to-right');
  const [includeDeletes, setIncludeDeletes] = useState(false);
  const [onlyNew, setOnlyNew] = useState(false);
  const [plan, setPlan] = useState<SyncPlanView | null>(null);
  // While a sync runs its plan stays on screen: a new direction or plan would hide its progress.
  const [syncRunning, setSyncRunning] = useState(false);
  const [busy, setBusy] = useState(false);

  const target = direction === 'left-to-right' ? right : left;
  const targetName =
    target.type === 'connection' ? (profiles.find((p) => p.id === target.connectionId)?.name ?? '') : '';

  const makePlan = async () => {
    setBusy(true);
    try {
      setPlan(await client.call('sync.plan', { compareJobId, direction, delete: includeDeletes, onlyNew }));
    } catch (error) {
      showError(error, t('syncPanel.planSync'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-panel">
      <div className="toolbar compare-toolbar">
        <b>{t('syncPanel.sync')}</b>
        <Select
          testId="sync-direction"
          value={direction}
          disabled={syncRunning}
          onValue={(value) => {
            setDirection(value as SyncDirection);
            setPlan(null);
          }}
          options={DIRECTIONS.map((value) => ({ value, label: t(`syncPanel.direction.${value}`) }))}
        />
        <Checkbox className="" testId="sync-delete" checked={includeDeletes} onChange={setIncludeDeletes}>
          {' '}
          {t('syncPanel.includeDeletes')}
        </Checkbox>
        <Checkbox className="" testId="sync-only-new" checked={onlyNew} onChange={setOnlyNew}>
          {' '}
          {t('syncPanel.onlyNewKeys')}
        </Checkbox>
        <button
          className="btn btn-sm"
          data-testid="sync-plan"
          disabled={busy || syncRunning}
          onClick={() => void makePlan()}
        >
          {t('syncPanel.planSync')}
        </button>
      </div>
      {plan && (
        // A new plan starts over: all items checked, nothing applied.
        <SyncPlan
          key={plan.planId}
          plan={plan}
          targetName={targetName}
          onCompareAgain={onCompareAgain}
          onRunningChange={setSyncRunning}
        />
      )}
    </div>
  );
}
