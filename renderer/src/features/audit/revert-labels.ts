import type { TFunction } from 'i18next';
import type { RevertReport } from '../../../../shared/model/audit.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';

type ReportOutcome = RevertReport['items'][number]['outcome'];

/**
 * What a report did, in one sentence: "Reverted 3 of 4 writes: 1 changed since, left as it is." The parts
 * are the catalogue's (audit:revertReport.*), counted the locale's way.
 */
export function reportSentence(report: RevertReport, t: TFunction<'audit'>, f: LocaleFormats): string {
  const count = (outcome: ReportOutcome) => report.items.filter((item) => item.outcome === outcome).length;
  const all = report.items.length;
  const writes = t('revertReport.writes', { count: all, n: f.count(all) });
  const head =
    report.reverted === 0
      ? t('revertReport.nothing')
      : all === 1
        ? t('revertReport.reverted')
        : report.reverted === all
          ? t('revertReport.all', { writes })
          : t('revertReport.some', { n: f.count(report.reverted), writes });
  const moved = count('moved');
  const unrevertable = count('unrevertable');
  const failed = count('failed');
  const rest = [
    moved > 0 ? t('revertReport.moved', { count: moved, n: f.count(moved) }) : null,
    unrevertable > 0 ? t('revertReport.unrevertable', { n: f.count(unrevertable) }) : null,
    failed > 0 ? t('revertReport.failed', { n: f.count(failed) }) : null,
  ].filter((part): part is string => part !== null);
  const sentence =
    rest.length > 0
      ? t('revertReport.withRest', { head, rest: rest.join(t('revertReport.separator')) })
      : t('revertReport.alone', { head });
  return report.reverted > 0 ? `${sentence} ${t('revertReport.eachAudited')}` : sentence;
}
