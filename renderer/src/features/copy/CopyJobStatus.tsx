import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import type { CopyReport } from '../../../../shared/model/copy.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { CopyReportView } from './CopyReportView.js';
import { useCancelCopy, useCopyResult } from './useCopy.js';

/** A running copy's progress with Cancel, then its report (or why it failed). */
export function CopyJobStatus({
  jobId,
  onEnded,
}: {
  jobId: string;
  onEnded: (report: CopyReport | null) => void;
}) {
  const format = useFormat();

  const { t } = useTranslation('copy');

  const result = useCopyResult(jobId);
  const cancel = useCancelCopy();
  const data = result.data;
  const ended = data !== undefined && data.state !== 'running';
  const report = data?.report ?? null;
  useEffect(() => {
    if (ended) onEnded(report);
  }, [ended, report, onEnded]);
  if (result.isError && !data) return <ErrorLine error={result.error} testId="copy-job-error" />;
  if (!data || data.state === 'running') {
    const p = data?.progress;
    return (
      <div className="copy-progress" data-testid="copy-progress">
        <span>
          {t('copyJobStatus.copying')}{' '}
          {p ? `${format.count(p.done)}${p.total !== null ? ` / ${format.count(p.total)}` : ''}` : ''}
        </span>
        {p && p.total !== null && p.total > 0 && <progress max={p.total} value={p.done} />}
        <button
          className="btn btn-sm"
          data-testid="copy-cancel"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(jobId)}
        >
          {cancel.isPending ? t('copyJobStatus.cancelling') : t('copyJobStatus.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div data-testid="copy-job" data-state={data.state}>
      {data.error && <ErrorLine error={data.error} testId="copy-job-error" />}
      {data.report && <CopyReportView report={data.report} />}
    </div>
  );
}
