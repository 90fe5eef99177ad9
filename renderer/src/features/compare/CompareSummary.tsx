import type { CompareResult } from '../../../../shared/model/compare.js';

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
        only left {summary.onlyLeft}
      </span>
      <span className="compare-status" data-status="only-right">
        only right {summary.onlyRight}
      </span>
      <span className="compare-status" data-status="changed">
        changed {summary.changed}
      </span>
      <span className="compare-status" data-status="same">
        same {summary.same}
      </span>
    </div>
  );
}
