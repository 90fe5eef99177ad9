import type { HistoryEntry } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { isCurrent, OPERATION_LABELS, SOURCE_LABELS, SOURCE_TITLES, whenOf } from './history-labels.js';

interface Props {
  entries: readonly HistoryEntry[];
  selectedId: string | null;
  /** The value on the server now, to mark the version it equals; null while the node does not exist. */
  current: NodeValue | null;
  onSelect: (entry: HistoryEntry) => void;
}

/** The versions of a node, newest first: where each comes from, when, what happened, who, which, how big. */
export function HistoryTable({ entries, selectedId, current, onSelect }: Props) {
  const anyVersion = entries.some((entry) => entry.version !== null || entry.revision !== null);
  const columns: readonly (Column<HistoryEntry> | false)[] = [
    {
      header: 'Source',
      className: 'nowrap',
      cell: (entry) => (
        <span className="history-source" data-source={entry.source} title={SOURCE_TITLES[entry.source]}>
          {SOURCE_LABELS[entry.source]}
        </span>
      ),
    },
    {
      header: 'When',
      className: 'nowrap',
      cellProps: (entry) => ({ title: entry.time ?? '' }),
      cell: (entry) => (
        <>
          {whenOf(entry)}
          {isCurrent(entry, current) && <span className="badge current-badge">current</span>}
        </>
      ),
    },
    {
      header: 'Operation',
      className: 'nowrap',
      cell: (entry) => (
        <span className="history-op" data-operation={entry.operation}>
          {OPERATION_LABELS[entry.operation]}
        </span>
      ),
    },
    { header: 'Who', className: 'nowrap', cell: (entry) => entry.author ?? '—' },
    anyVersion && {
      header: 'Version',
      headerTitle:
        'The version within the life of the key (v1 = created), and the revision where When shows a time',
      className: 'mono nowrap',
      // When already names the revision where the store keeps no time (etcd): it is not repeated here.
      cell: (entry) =>
        [
          entry.version === null ? null : `v${entry.version}`,
          entry.revision === null || entry.time === null ? null : `rev ${entry.revision}`,
        ]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    {
      header: 'Size',
      className: 'nowrap num',
      cell: (entry) => (entry.size === null ? '—' : formatBytes(entry.size)),
    },
  ];
  return (
    <DataTable
      className="data-table registry-table history-table"
      rows={entries}
      columns={columns}
      rowKey={(entry) => entry.id}
      rowProps={(entry) => ({
        className: `clickable${entry.id === selectedId ? ' selected' : ''}`,
        title: entry.note ?? undefined,
        'data-testid': 'history-row',
        'data-id': entry.id,
        'data-source': entry.source,
        'data-operation': entry.operation,
        'data-restorable': entry.restorable,
        'data-selected': entry.id === selectedId,
        onClick: () => onSelect(entry),
      })}
    />
  );
}
