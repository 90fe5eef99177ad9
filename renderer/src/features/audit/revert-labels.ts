import type { RevertItem, RevertReport } from '../../../../shared/model/audit.js';

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

/** The counts of a report in one line: "2 reverted · 1 changed since · 0 failed". */
export function reportCounts(report: RevertReport): string {
  const count = (outcome: ReportOutcome) => report.items.filter((item) => item.outcome === outcome).length;
  const parts = [`${report.reverted} reverted`];
  if (count('moved') > 0) parts.push(`${count('moved')} changed since`);
  if (count('unrevertable') > 0) parts.push(`${count('unrevertable')} cannot be reverted`);
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return parts.join(' · ');
}
