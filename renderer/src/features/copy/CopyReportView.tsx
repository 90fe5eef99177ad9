import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { CopyReport } from '../../../../shared/model/copy.js';
import { SyncReportLines } from '../compare/SyncReportLines.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

type PathError = CopyReport['failed'][number];

/** One failed or left-in-place path; `say` writes the core's reason in the UI's language. */
const errorLine = (say: (text: string) => string) => (item: PathError) => (
  <li key={`${item.path}:${item.code}`}>
    <span className="mono">{item.path}</span> <span className="muted">{item.code}</span> {say(item.message)}
  </li>
);

type ReportFigure =
  | 'copied'
  | 'overwritten'
  | 'kept'
  | 'skipped'
  | 'failed'
  | 'aclsCarried'
  | 'flagsCarried'
  | 'deleted'
  | 'notDeleted';

/** What a copy or a move did: the counts, failures, what a move left in place, and the operation id. */
export function CopyReportView({ report }: { report: CopyReport }) {
  const format = useFormat();

  const { t } = useTranslation('copy');
  const say = useCoreSentence();

  // Each figure by its key (`failed` is drawn as an error when not zero), labelled from the catalogue.
  const figures: Array<[ReportFigure, number]> = [
    ['copied', report.copied],
    ['overwritten', report.overwritten],
    ['kept', report.kept],
    ['skipped', report.skipped],
    ['failed', report.failed.length],
  ];
  if (report.aclsSet > 0) figures.push(['aclsCarried', report.aclsSet]);
  if (report.flagsSet > 0) figures.push(['flagsCarried', report.flagsSet]);
  if (report.move) figures.push(['deleted', report.deleted], ['notDeleted', report.notDeleted.length]);
  const method =
    report.method === 'transaction'
      ? t('copyReportView.movedInOneTransaction')
      : t('copyReportView.copiedVerifiedThenDeleted');
  return (
    <div
      className="copy-report"
      data-testid="copy-report"
      data-copied={report.copied}
      data-overwritten={report.overwritten}
      data-kept={report.kept}
      data-skipped={report.skipped}
      data-failed={report.failed.length}
      data-deleted={report.deleted}
      data-not-deleted={report.notDeleted.length}
      data-stopped={report.stoppedBy?.code ?? ''}
      data-method={report.method}
      data-acls-set={report.aclsSet}
      data-flags-set={report.flagsSet}
    >
      <div className="copy-report-figures">
        {figures.map(([figure, count]) => (
          <span key={figure} className={count > 0 && figure === 'failed' ? 'field-error' : undefined}>
            <b>{format.count(count)}</b> {t(`copyReportView.figure.${figure}`)}
          </span>
        ))}
      </div>
      {report.stoppedBy && (
        <div className="field-error" data-testid="copy-report-stopped">
          {t('copyReportView.stopped', { message: report.stoppedBy.message })}
        </div>
      )}
      {report.move && (
        <div className="copy-plan-note" data-testid="copy-report-method">
          {report.methodNote
            ? t('copyReportView.methodWithNote', { method, note: say(report.methodNote) })
            : t('copyReportView.methodAlone', { method })}
        </div>
      )}
      {report.carryNote && <div className="copy-plan-note">{say(report.carryNote)}</div>}
      <SyncReportLines
        title={t('copyReportView.failed')}
        items={report.failed}
        testId="copy-report-failed"
        render={errorLine(say)}
      />
      <SyncReportLines
        title={t('copyReportView.leftInTheSource')}
        items={report.notDeleted}
        testId="copy-report-not-deleted"
        render={errorLine(say)}
      />
      <div className="muted">
        {t('copyReportView.operation')}{' '}
        <span className="mono" data-testid="copy-report-operation">
          {report.operationId}
        </span>{' '}
        {t('copyReportView.inTheAuditLog', { n: format.count(report.durationMs) })}
      </div>
    </div>
  );
}
