import type { CompareResult } from '../../../../shared/model/compare.js';
import { formatCount } from '../../lib/format-bytes.js';

type Summary = NonNullable<CompareResult['summary']>;

/** The four counts of a finished comparison. */
export function CompareSummary({ summary }: { summary: Summary }) {
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
        only left {formatCount(summary.onlyLeft)}
      </span>
      <span className="compare-status" data-status="only-right">
        only right {formatCount(summary.onlyRight)}
      </span>
      <span className="compare-status" data-status="changed">
        changed {formatCount(summary.changed)}
      </span>
      <span className="compare-status" data-status="same">
        same {formatCount(summary.same)}
      </span>
    </div>
  );
}
