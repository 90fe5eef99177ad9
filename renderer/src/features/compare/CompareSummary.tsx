import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { CompareResult } from '../../../../shared/model/compare.js';

type Summary = NonNullable<CompareResult['summary']>;

/** The four counts of a finished comparison. */
export function CompareSummary({ summary }: { summary: Summary }) {
  const format = useFormat();

  const { t } = useTranslation('compare');

  return (
    <div
      className="compare-summary"
      data-testid="compare-summary"
      data-only-left={summary.onlyLeft}
      data-only-right={summary.onlyRight}
      data-changed={summary.changed}
      data-same={summary.same}
    >
      <span className="compare-status" data-status="only-left">
        {t('compareSummary.onlyLeft', { n: format.count(summary.onlyLeft) })}
      </span>
      <span className="compare-status" data-status="only-right">
        {t('compareSummary.onlyRight', { n: format.count(summary.onlyRight) })}
      </span>
      <span className="compare-status" data-status="changed">
        {t('compareSummary.changed', { n: format.count(summary.changed) })}
      </span>
      <span className="compare-status" data-status="same">
        {t('compareSummary.same', { n: format.count(summary.same) })}
      </span>
    </div>
  );
}
