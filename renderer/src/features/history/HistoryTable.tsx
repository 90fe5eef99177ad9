import type { HistoryEntry } from '../../../../shared/model/history.js';
import { DataTag } from '../../components/DataTag.js';
import { DataTable, type Column } from '../../components/DataTable.js';
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
  const columns: readonly Column<HistoryEntry>[] = [
    { header: 'Time', className: 'nowrap', cell: (entry) => formatTime(entry.time) },
    {
      header: 'Operation',
      cell: (entry) => <DataTag className="history-op" name="operation" value={entry.operation} />,
    },
    {
      header: 'MD5',
      className: 'mono nowrap',
      cellProps: (entry) => ({ title: entry.md5 ?? '' }),
      cell: (entry) => (
        <>
          {entry.md5 ? entry.md5.slice(0, 10) : '—'}
          {currentMd5 !== null && entry.md5 === currentMd5 && (
            <span className="badge current-badge">current</span>
          )}
        </>
      ),
    },
    { header: 'Author', className: 'nowrap', cell: (entry) => entry.author ?? '—' },
  ];
  return (
    <DataTable
      className="data-table registry-table history-table"
      rows={entries}
      columns={columns}
      rowKey={(entry) => entry.id}
      rowProps={(entry) => ({
        className: `clickable${entry.id === selectedId ? ' selected' : ''}`,
        'data-testid': 'history-row',
        'data-id': entry.id,
        'data-operation': entry.operation,
        'data-selected': entry.id === selectedId,
        onClick: () => onSelect(entry),
      })}
    />
  );
}
