import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

/** Lines shown per list of a report: a sync that fails on 50,000 keys must not flood the screen. */
export const REPORT_LINE_CAP = 100;

interface Props<T> {
  /** What the lines are, said once above them. */
  title: ReactNode;
  items: readonly T[];
  testId: string;
  render: (item: T) => ReactNode;
}

/** A titled list of the first {@link REPORT_LINE_CAP} items of a report, then "… and N more". */
export function SyncReportLines<T>({ title, items, testId, render }: Props<T>) {
  const format = useFormat();

  const { t } = useTranslation('compare');

  if (items.length === 0) return null;
  const hidden = items.length - REPORT_LINE_CAP;
  return (
    <div className="sync-report-section">
      <div className="sync-report-title">{title}</div>
      <ul className="sync-report-lines" data-testid={testId} data-total={items.length}>
        {items.slice(0, REPORT_LINE_CAP).map(render)}
        {hidden > 0 && (
          <li className="muted" data-testid={`${testId}-more`} data-more={hidden}>
            {t('syncReportLines.andMore', { n: format.count(hidden) })}
          </li>
        )}
      </ul>
    </div>
  );
}
