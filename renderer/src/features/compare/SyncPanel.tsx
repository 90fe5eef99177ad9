import { useState } from 'react';
import type { SourceRef, SyncDirection, SyncPlanView } from '../../../../shared/model/compare.js';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useSyncResult } from '../../api/useCompare.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { SyncConfirmDialog } from './SyncConfirmDialog.js';
import { SyncReport } from './SyncReport.js';

interface Props {
  compareJobId: string;
  left: SourceRef;
  right: SourceRef;
  profiles: readonly ConnectionProfile[];
}

/** Plans a sync from the finished comparison, lets the user pick items, and applies them. */
export function SyncPanel({ compareJobId, left, right, profiles }: Props) {
  const client = useClient();
  const { showError } = useToasts();
  const [direction, setDirection] = useState<SyncDirection>('left-to-right');
  const [includeDeletes, setIncludeDeletes] = useState(false);
  const [onlyNew, setOnlyNew] = useState(false);
  const [plan, setPlan] = useState<SyncPlanView | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [syncJobId, setSyncJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useSyncResult(syncJobId);

  const target = direction === 'left-to-right' ? right : left;
  const targetName =
    target.type === 'connection' ? (profiles.find((p) => p.id === target.connectionId)?.name ?? '') : '';

  const makePlan = async () => {
    setBusy(true);
    try {
      const next = await client.call('sync.plan', {
        compareJobId,
        direction,
        delete: includeDeletes,
        onlyNew,
      });
      setPlan(next);
      setChosen(new Set(next.items.map((i) => i.path)));
      setSyncJobId(null);
    } catch (error) {
      showError(error, 'Plan sync');
    } finally {
      setBusy(false);
    }
  };

  const apply = async (confirmation: string | null) => {
    if (!plan) return;
    setConfirming(false);
    setBusy(true);
    try {
      const paths = plan.items.filter((i) => chosen.has(i.path)).map((i) => i.path);
      const { jobId } = await client.call('sync.apply', {
        planId: plan.planId,
        paths,
        ...(confirmation !== null ? { confirmation } : {}),
      });
      setSyncJobId(jobId);
    } catch (error) {
      showError(error, `Sync into ${plan.target.label}`);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (path: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <div className="sync-panel">
      <div className="compare-toolbar">
        <b>Sync</b>
        <select
          className="input"
          data-testid="sync-direction"
          value={direction}
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
          disabled={busy}
          onClick={() => void makePlan()}
        >
          Plan sync
        </button>
      </div>
      {plan && (
        <div className="sync-plan">
          <div className="compare-toolbar">
            <span>
              Target <b className="mono">{plan.target.label}</b>
            </span>
            <span className="badge" data-env={plan.target.environment}>
              {plan.target.environment}
            </span>
            {plan.target.readOnly && <span className="badge badge-lock">read-only</span>}
            <span className="muted">
              {chosen.size} of {plan.items.length} selected
            </span>
            <span className="spacer" />
            <button
              className={`btn btn-sm ${plan.target.environment === 'prod' ? 'btn-danger' : 'btn-primary'}`}
              data-testid="sync-apply"
              disabled={busy || chosen.size === 0 || result.data?.state === 'running'}
              onClick={() => (plan.target.environment === 'prod' ? setConfirming(true) : void apply(null))}
            >
              Apply
            </button>
          </div>
          {plan.items.length === 0 && <div className="empty-state">Nothing to sync.</div>}
          <ul className="compare-list">
            {plan.items.map((item) => (
              <li
                key={item.path}
                className="sync-item"
                data-testid="sync-item"
                data-path={item.path}
                data-action={item.action}
              >
                <label>
                  <input type="checkbox" checked={chosen.has(item.path)} onChange={() => toggle(item.path)} />{' '}
                  <span className="compare-status" data-action={item.action}>
                    {item.action}
                  </span>{' '}
                  <span className="mono">{item.path}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.data && <SyncReport result={result.data} />}
      {confirming && plan && (
        <SyncConfirmDialog
          targetLabel={plan.target.label}
          expected={targetName}
          count={chosen.size}
          onConfirm={(typed) => void apply(typed)}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
