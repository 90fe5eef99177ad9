import type { CompareEntry, CompareResult } from '../../../../shared/model/compare.js';

export const PAGE_SIZE = 200;

interface Props {
  result: CompareResult;
  offset: number;
  onOffset: (offset: number) => void;
  selectedPath: string | null;
  onSelect: (entry: CompareEntry) => void;
}

const STATUS_LABELS: Record<CompareEntry['status'], string> = {
  'only-left': 'only left',
  'only-right': 'only right',
  changed: 'changed',
  same: 'same',
};

/** One page of compared keys (status badge + path) with previous/next paging. */
export function CompareEntries({ result, offset, onOffset, selectedPath, onSelect }: Props) {
  const last = Math.min(offset + result.entries.length, result.total);
  return (
    <div className="compare-entries">
      {result.entries.length === 0 && <div className="empty-state">No keys match.</div>}
      <ul className="compare-list">
        {result.entries.map((entry) => (
          <li
            key={entry.path}
            className={`compare-row${entry.path === selectedPath ? ' compare-row-selected' : ''}`}
            data-testid="compare-row"
            data-path={entry.path}
            data-status={entry.status}
            onClick={() => onSelect(entry)}
          >
            <span className="compare-status" data-status={entry.status}>
              {STATUS_LABELS[entry.status]}
            </span>
            <span className="mono compare-path">{entry.path}</span>
          </li>
        ))}
      </ul>
      {result.total > PAGE_SIZE && (
        <div className="compare-paging">
          <button
            className="btn btn-sm"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            Previous
          </button>
          <span className="muted">
            {offset + 1}–{last} of {result.total}
          </span>
          <button
            className="btn btn-sm"
            disabled={last >= result.total}
            onClick={() => onOffset(offset + PAGE_SIZE)}
          >
            Next
          </button>
        </div>
      )}
    </div>
  );
}
