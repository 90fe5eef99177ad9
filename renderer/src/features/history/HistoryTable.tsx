import type { HistoryEntry } from '../../../../shared/model/history.js';
import { formatTime } from '../../lib/format-time.js';

interface Props {
  entries: readonly HistoryEntry[];
  selectedId: string | null;
  /** md5 of the value on the server now, to mark the version it equals. */
  currentMd5: string | null;
  onSelect: (entry: HistoryEntry) => void;
}

/** Earlier versions, newest first: time, operation, md5, author. */
export function HistoryTable({ entries, selectedId, currentMd5, onSelect }: Props) {
  return (
    <table className="registry-table history-table">
      <thead>
        <tr>
          <th>Time</th>
          <th>Operation</th>
          <th>MD5</th>
          <th>Author</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const current = currentMd5 !== null && entry.md5 !== null && entry.md5 === currentMd5;
          return (
            <tr
              key={entry.id}
              className={`clickable${entry.id === selectedId ? ' selected' : ''}`}
              data-testid="history-row"
              data-id={entry.id}
              data-operation={entry.operation}
              data-selected={entry.id === selectedId}
              onClick={() => onSelect(entry)}
            >
              <td className="nowrap">{formatTime(entry.time)}</td>
              <td>
                <span className="history-op" data-operation={entry.operation}>
                  {entry.operation}
                </span>
              </td>
              <td className="mono nowrap" title={entry.md5 ?? ''}>
                {entry.md5 ? entry.md5.slice(0, 10) : '—'}
                {current && <span className="badge current-badge">current</span>}
              </td>
              <td className="nowrap">{entry.author ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
