import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { CopyPlanView } from '../../../../shared/model/copy.js';
import { SyncReportLines } from '../compare/SyncReportLines.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** What the plan would do, before anything is written: counts, the first existing paths, ephemeral nodes. */
export function CopyPlanPreview({ plan, move }: { plan: CopyPlanView; move: boolean }) {
  const format = useFormat();

  const { t } = useTranslation('copy');
  const say = useCoreSentence();

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
          <b>{format.count(plan.nodes)}</b> {t('copyPlanPreview.nodesInTheSubtree', { count: plan.nodes })}
        </li>
        <li>
          <b>{format.count(plan.create)}</b> {t('copyPlanPreview.createdAtTheTarget')}
        </li>
        {plan.existing.total > 0 && (
          <li>
            <b>{format.count(plan.existing.total)}</b> {t('copyPlanPreview.alreadyThereWithAnother')}{' '}
            {plan.overwrite
              ? t('copyPlanPreview.overwritten', { n: format.count(plan.existing.overwritten) })
              : t('copyPlanPreview.keptOverwriteIsOff', { n: format.count(kept) })}
          </li>
        )}
        {plan.identical > 0 && (
          <li>
            <b>{format.count(plan.identical)}</b> {t('copyPlanPreview.alreadyIdenticalNothingTo')}
          </li>
        )}
      </ul>
      <SyncReportLines
        title={
          plan.overwrite ? t('copyPlanPreview.overwrittenAtTheTarget') : t('copyPlanPreview.keptAtTheTarget')
        }
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
          {say(plan.ephemeral.note)}
        </div>
      )}
      {plan.carry.note && (
        <div className="copy-plan-note" data-testid="copy-plan-carry" data-acls={plan.carry.acls}>
          {say(plan.carry.note)}
        </div>
      )}
      {move && plan.atomicMove && (
        <div className="copy-plan-note" data-testid="copy-plan-method" data-fits={plan.atomicMove.fits}>
          {say(plan.atomicMove.note)}
        </div>
      )}
      {plan.target.readOnly && (
        <div className="field-error" data-testid="copy-plan-readonly">
          {t('copyPlanPreview.theTargetConnectionIs')}
        </div>
      )}
    </div>
  );
}
