import { useState } from 'react';
import type { SourceRef, SyncDirection, SyncPlanView } from '../../../../shared/model/compare.js';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
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

/** Plans a sync from the finished comparison; the plan below lets the user pick items and apply them. */
export function SyncPanel({ compareJobId, left, right, profiles, onCompareAgain }: Props) {
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
      showError(error, 'Plan sync');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-panel">
      <div className="compare-toolbar">
        <b>Sync</b>
        <select
          className="input"
          data-testid="sync-direction"
          value={direction}
          disabled={syncRunning}
          onChange={(e) => {
            setDirection(e.target.value as SyncDirection);
            setPlan(null);
          }}
        >
          <option value="left-to-right">Left → Right</option>
          <option value="right-to-left">Right → Left</option>
        </select>
        <label>
          <input
            type="checkbox"
            data-testid="sync-delete"
            checked={includeDeletes}
            onChange={(e) => setIncludeDeletes(e.target.checked)}
          />{' '}
          Include deletes
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="sync-only-new"
            checked={onlyNew}
            onChange={(e) => setOnlyNew(e.target.checked)}
          />{' '}
          Only new keys
        </label>
        <button
          className="btn btn-sm"
          data-testid="sync-plan"
          disabled={busy || syncRunning}
          onClick={() => void makePlan()}
        >
          Plan sync
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
