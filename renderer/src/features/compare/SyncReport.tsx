import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { SyncResult } from '../../../../shared/model/compare.js';
import { AppError } from '../../../../shared/errors.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { SyncReportLines } from './SyncReportLines.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

interface Props {
  /** Undefined until the first poll of the job answers. */
  result: SyncResult | undefined;
  /** Why polling the job failed (the host restarted and forgot it…), or null. */
  pollError: unknown;
  onCompareAgain: () => void;
  /** Asks the running sync to stop (job.cancel): items not written yet are reported as skipped. */
  onCancel: () => void;
}

/** Progress, then the outcome of a sync job: applied, conflicts (changed meanwhile) and failures. */
export function SyncReport({ result, pollError, onCompareAgain, onCancel }: Props) {
  const format = useFormat();

  const { t } = useTranslation('compare');
  const { sentence } = useDescribeError();
  const say = useCoreSentence();

  const again = (
    <button
      className="btn btn-sm btn-primary"
      data-testid="sync-compare-again"
      title={t('syncReport.compareTheSameTwo')}
      onClick={onCompareAgain}
    >
      {t('syncReport.compareAgain')}
    </button>
  );
  if (!result && pollError !== null) {
    return (
      <div className="sync-status sync-report-failed" data-testid="sync-report" data-state="unknown">
        <span className="sync-report-error">{sentence(pollError)}</span>
        <span className="spacer" />
        {again}
      </div>
    );
  }
  if (!result || result.state === 'running') {
    const p = result?.progress;
    return (
      <div className="sync-status" data-testid="sync-progress">
        <span>
          {t('syncReport.applying')}{' '}
          {p ? `${format.count(p.done)}${p.total !== null ? ` / ${format.count(p.total)}` : ''}` : ''}
        </span>
        {p && p.total !== null && p.total > 0 && <progress max={p.total} value={p.done} />}
        <span className="spacer" />
        <button className="btn btn-sm" data-testid="sync-cancel" onClick={onCancel}>
          {t('syncReport.cancel')}
        </button>
      </div>
    );
  }
  const report = result.report;
  if (result.error || !report) {
    return (
      <div
        className={`sync-status${result.error ? ' sync-report-failed' : ''}`}
        data-testid="sync-report"
        data-state={result.state}
      >
        <span className={result.error ? 'sync-report-error' : 'muted'}>
          {result.error
            ? sentence(AppError.fromShape(result.error))
            : t('syncReport.sync', { state: result.state })}
        </span>
        <span className="spacer" />
        {again}
      </div>
    );
  }
  // The left edge says how it went at a glance: green clean, amber conflicts, red failures.
  const tone = report.failed.length > 0 ? 'failed' : report.conflicts.length > 0 ? 'conflicts' : 'ok';
  return (
    <div
      className={`sync-report sync-report-${tone}`}
      data-testid="sync-report"
      data-state={result.state}
      data-applied={report.applied.length}
      data-conflicts={report.conflicts.length}
      data-failed={report.failed.length}
    >
      <div className="sync-status">
        <b>
          {t('syncReport.sync2')} {result.state === 'done' ? t('syncReport.finished') : result.state}
        </b>
        <span data-testid="sync-report-counts">
          {t('syncReport.appliedConflictsFailed', {
            n: format.count(report.applied.length),
            n2: format.count(report.conflicts.length),
            n3: format.count(report.failed.length),
          })}
          {report.skipped.length > 0
            ? t('syncReport.skipped', { n: format.count(report.skipped.length) })
            : ''}
        </span>
        <span className="spacer" />
        {again}
      </div>
      <SyncReportLines
        title={t('syncReport.conflictsChangedSinceThe', {
          count: report.conflicts.length,
          n: format.count(report.conflicts.length),
        })}
        items={report.conflicts}
        testId="sync-report-conflicts"
        render={(path) => (
          <li key={path} className="mono">
            {path}
          </li>
        )}
      />
      <SyncReportLines
        title={t('syncReport.failed', { n: format.count(report.failed.length) })}
        items={report.failed}
        testId="sync-report-failures"
        render={(f) => (
          <li key={f.path} className="mono">
            {f.path} <span className="sync-report-error">{say(f.message)}</span>
          </li>
        )}
      />
    </div>
  );
}
