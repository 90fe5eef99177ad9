import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { AclRecursiveResult } from '../../../../shared/model/acl.js';
import { AppError } from '../../../../shared/errors.js';
import { ErrorLine } from '../../components/ErrorLine.js';

/** What a recursive apply did: changed, unchanged, failed (each with its sentence), and what a cancel left. */
export function AclRecursiveReportView({ result }: { result: AclRecursiveResult }) {
  const format = useFormat();

  const { t } = useTranslation('acl');

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
        {t('aclRecursiveReportView.changed')}{' '}
        <b data-testid="acl-recursive-changed">{format.count(report.changed)}</b>
        {t('aclRecursiveReportView.unchangedFailed', {
          n: format.count(report.unchanged),
          n2: format.count(report.failed.length),
        })}
        {report.notReached > 0 && (
          <>{t('aclRecursiveReportView.notReached', { n: format.count(report.notReached) })}</>
        )}{' '}
        {t('aclRecursiveReportView.ofNodesEveryChange', { n: format.count(report.count) })}
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
