import type { SyncResult } from '../../../../shared/model/compare.js';
import { AppError } from '../../../../shared/errors.js';
import { describeError } from '../../errors/error-messages.js';

/** Progress, then the outcome of a sync job: applied, conflicts (changed meanwhile) and failures. */
export function SyncReport({ result }: { result: SyncResult }) {
  if (result.state === 'running') {
    const p = result.progress;
    return (
      <div className="muted" data-testid="sync-progress">
        Applying… {p ? `${p.done}${p.total !== null ? ` / ${p.total}` : ''}` : ''}
      </div>
    );
  }
  if (result.error)
    return <div className="inline-error">{describeError(AppError.fromShape(result.error)).message}</div>;
  const report = result.report;
  if (!report) return <div className="muted">Sync {result.state}.</div>;
  return (
    <div
      className="sync-report"
      data-testid="sync-report"
      data-state={result.state}
      data-applied={report.applied.length}
      data-conflicts={report.conflicts.length}
      data-failed={report.failed.length}
    >
      <div>
        Applied {report.applied.length} · conflicts {report.conflicts.length} · failed {report.failed.length}
        {report.skipped.length > 0 ? ` · skipped ${report.skipped.length}` : ''}
      </div>
      {report.conflicts.map((path) => (
        <div key={path} className="mono muted">
          conflict: {path} (changed since the comparison)
        </div>
      ))}
      {report.failed.map((f) => (
        <div key={f.path} className="mono inline-error">
          {f.path}: {f.message}
        </div>
      ))}
    </div>
  );
}
