import type { CopyPlanView } from '../../../../shared/model/copy.js';
import { formatCount } from '../../lib/format-bytes.js';
import { SyncReportLines } from '../compare/SyncReportLines.js';

/** What the plan would do, before anything is written: counts, the first existing paths, ephemeral nodes. */
export function CopyPlanPreview({ plan, move }: { plan: CopyPlanView; move: boolean }) {
  const kept = plan.existing.total - plan.existing.overwritten;
  return (
    <div
      className="copy-plan"
      data-testid="copy-plan"
      data-nodes={plan.nodes}
      data-create={plan.create}
      data-existing={plan.existing.total}
      data-overwritten={plan.existing.overwritten}
      data-identical={plan.identical}
      data-ephemeral={plan.ephemeral.count}
    >
      <div className="copy-plan-route mono">
        {plan.source} → {plan.target.label}
      </div>
      <ul className="copy-plan-counts">
        <li>
          <b>{formatCount(plan.nodes)}</b> node{plan.nodes === 1 ? '' : 's'} in the subtree
        </li>
        <li>
          <b>{formatCount(plan.create)}</b> created at the target
        </li>
        {plan.existing.total > 0 && (
          <li>
            <b>{formatCount(plan.existing.total)}</b> already there with another value:{' '}
            {plan.overwrite
              ? `${formatCount(plan.existing.overwritten)} overwritten`
              : `${formatCount(kept)} kept (overwrite is off)`}
          </li>
        )}
        {plan.identical > 0 && (
          <li>
            <b>{formatCount(plan.identical)}</b> already identical (nothing to write)
          </li>
        )}
      </ul>
      <SyncReportLines
        title={plan.overwrite ? 'Overwritten at the target' : 'Kept at the target'}
        items={plan.existing.paths}
        testId="copy-plan-existing"
        render={(path) => (
          <li key={path} className="mono">
            {path}
          </li>
        )}
      />
      {plan.ephemeral.note && (
        <div className="copy-plan-note" data-testid="copy-plan-ephemeral">
          {plan.ephemeral.note}
        </div>
      )}
      {plan.carry.note && (
        <div className="copy-plan-note" data-testid="copy-plan-carry" data-acls={plan.carry.acls}>
          {plan.carry.note}
        </div>
      )}
      {move && plan.atomicMove && (
        <div className="copy-plan-note" data-testid="copy-plan-method" data-fits={plan.atomicMove.fits}>
          {plan.atomicMove.note}
        </div>
      )}
      {plan.target.readOnly && (
        <div className="field-error" data-testid="copy-plan-readonly">
          The target connection is read-only: the copy would be refused.
        </div>
      )}
    </div>
  );
}
