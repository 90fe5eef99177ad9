import type { AclRecursiveResult } from '../../../../shared/model/acl.js';
import { AppError } from '../../../../shared/errors.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { formatCount } from '../../lib/format-bytes.js';

/** What a recursive apply did: changed, unchanged, failed (each with its sentence), and what a cancel left. */
export function AclRecursiveReportView({ result }: { result: AclRecursiveResult }) {
  const report = result.report;
  if (report === null) {
    return result.error ? (
      <ErrorLine error={AppError.fromShape(result.error)} testId="acl-recursive-error" />
    ) : null;
  }
  return (
    <div className="acl-report" data-testid="acl-recursive-report" data-state={result.state}>
      {report.stoppedBy && (
        <div className="notice notice-warn" data-testid="acl-recursive-stopped">
          {report.stoppedBy.message}
        </div>
      )}
      <p>
        Changed <b data-testid="acl-recursive-changed">{formatCount(report.changed)}</b>, unchanged{' '}
        {formatCount(report.unchanged)}, failed {formatCount(report.failed.length)}
        {report.notReached > 0 && <>, not reached {formatCount(report.notReached)}</>} of{' '}
        {formatCount(report.count)} nodes. Every change is in the audit log.
      </p>
      {report.failed.length > 0 && (
        <ul className="acl-report-failed">
          {report.failed.map((failure) => (
            <li key={failure.path} data-testid="acl-recursive-failed">
              <span className="mono">{failure.path}</span>: {failure.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
