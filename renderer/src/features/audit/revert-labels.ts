import type { RevertItem, RevertReport } from '../../../../shared/model/audit.js';
import { countOf, formatCount } from '../../lib/format-bytes.js';

type ReportOutcome = RevertReport['items'][number]['outcome'];

/** What a plan item will do, in words. */
export function actionLabel(action: RevertItem['action']): string {
  if (action === 'set') return 'write the value before back';
  if (action === 'create') return 'create again with the value before';
  if (action === 'delete') return 'delete (it was created)';
  return 'nothing';
}

export const STATE_LABELS: Record<RevertItem['state'], string> = {
  ready: 'ready',
  moved: 'changed since',
  unrevertable: 'cannot be reverted',
};

export const OUTCOME_LABELS: Record<ReportOutcome, string> = {
  reverted: 'reverted',
  moved: 'changed since, left as it is',
  unrevertable: 'cannot be reverted',
  failed: 'failed',
};

/** What a report did, in one sentence: "Reverted 3 of 4 writes; 1 changed since, left as it is." */
export function reportSentence(report: RevertReport): string {
  const count = (outcome: ReportOutcome) => report.items.filter((item) => item.outcome === outcome).length;
  const all = report.items.length;
  const head =
    report.reverted === 0
      ? 'Nothing was reverted'
      : all === 1
        ? 'Reverted'
        : report.reverted === all
          ? `Reverted all ${countOf(all, 'write', 'writes')}`
          : `Reverted ${formatCount(report.reverted)} of ${countOf(all, 'write', 'writes')}`;
  const rest = [
    count('moved') > 0
      ? `${formatCount(count('moved'))} changed since, left as ${count('moved') === 1 ? 'it is' : 'they are'}`
      : null,
    count('unrevertable') > 0 ? `${formatCount(count('unrevertable'))} cannot be reverted` : null,
    count('failed') > 0 ? `${formatCount(count('failed'))} failed` : null,
  ].filter((part): part is string => part !== null);
  return `${head}${rest.length > 0 ? `: ${rest.join(', ')}` : ''}. ${report.reverted > 0 ? 'Each revert is an entry of its own in the log.' : ''}`.trim();
}
