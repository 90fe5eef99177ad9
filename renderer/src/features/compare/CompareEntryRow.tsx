import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareEntry } from '../../../../shared/model/compare.js';

interface Props {
  /** Undefined while the row's page is still loading: a placeholder line is drawn instead. */
  entry: CompareEntry | undefined;
  index: number;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (entry: CompareEntry, index: number) => void;
}

/** One line of the virtual compare list: status badge and relative path (or a loading placeholder). */
export const CompareEntryRow = memo(function CompareEntryRow({
  entry,
  index,
  selected,
  top,
  height,
  onSelect,
}: Props) {
  const { t } = useTranslation('compare');
  const style = { transform: `translateY(${top}px)`, height };
  if (!entry) {
    return (
      <div
        className="virtual-line compare-line compare-row-placeholder"
        style={style}
        data-testid="compare-row-placeholder"
        data-index={index}
        aria-hidden
      >
        <span className="compare-placeholder-bar" />
      </div>
    );
  }
  return (
    <div
      className={`virtual-line compare-line compare-row${selected ? ' compare-row-selected' : ''}`}
      style={style}
      data-testid="compare-row"
      data-path={entry.path}
      data-status={entry.status}
      data-index={index}
      data-selected={selected}
      role="option"
      aria-selected={selected}
      onClick={() => onSelect(entry, index)}
    >
      <span className="compare-status" data-status={entry.status}>
        {t(`compareEntryRow.status.${entry.status}`)}
      </span>
      <span className="mono compare-path" title={entry.path}>
        {entry.path}
      </span>
    </div>
  );
});
