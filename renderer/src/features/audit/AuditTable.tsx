import type { AuditEntry } from '../../../../shared/model/audit.js';
import { DataTag } from '../../components/DataTag.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { formatTime } from '../../lib/format-time.js';

interface Props {
  entries: AuditEntry[];
  selectedSeq: number | null;
  onSelect: (entry: AuditEntry) => void;
}

const COLUMNS: readonly Column<AuditEntry>[] = [
  { header: 'Time', className: 'nowrap', cell: (entry) => formatTime(entry.time) },
  {
    header: 'User',
    className: 'nowrap',
    cell: (entry) => (
      <>
        {entry.user}@{entry.host}
      </>
    ),
  },
  { header: 'Connection', className: 'nowrap', cell: (entry) => entry.connection.name },
  {
    header: 'Env',
    cell: (entry) => <DataTag className="badge" name="env" value={entry.connection.environment} />,
  },
  { header: 'Operation', cell: (entry) => entry.operation },
  { header: 'Path', className: 'mono audit-path', cell: (entry) => entry.path },
  {
    header: 'Outcome',
    cell: (entry) => <DataTag className="audit-outcome" name="outcome" value={entry.outcome} />,
  },
  {
    header: 'Error',
    className: 'audit-error',
    cell: (entry) => (entry.error ? `${entry.error.code}: ${entry.error.message}` : ''),
  },
];

/** The audit entries as a dense table; a click opens the entry's before/after. */
export function AuditTable({ entries, selectedSeq, onSelect }: Props) {
  return (
    <DataTable
      className="data-table audit-table"
      rows={entries}
      columns={COLUMNS}
      rowKey={(entry) => entry.seq}
      rowProps={(entry) => ({
        'data-testid': 'audit-row',
        'data-seq': entry.seq,
        'data-operation': entry.operation,
        'data-outcome': entry.outcome,
        'data-path': entry.path,
        className: entry.seq === selectedSeq ? 'clickable selected' : 'clickable',
        onClick: () => onSelect(entry),
      })}
    />
  );
}
