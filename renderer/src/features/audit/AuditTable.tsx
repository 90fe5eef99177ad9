import type { AuditEntry } from '../../../../shared/model/audit.js';
import { formatTime } from '../../lib/format-time.js';

interface Props {
  entries: AuditEntry[];
  selectedSeq: number | null;
  onSelect: (entry: AuditEntry) => void;
}

/** The audit entries as a dense table; a click opens the entry's before/after. */
export function AuditTable({ entries, selectedSeq, onSelect }: Props) {
  return (
    <table className="audit-table">
      <thead>
        <tr>
          <th>Time</th>
          <th>User</th>
          <th>Connection</th>
          <th>Env</th>
          <th>Operation</th>
          <th>Path</th>
          <th>Outcome</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr
            key={entry.seq}
            data-testid="audit-row"
            data-seq={entry.seq}
            data-operation={entry.operation}
            data-outcome={entry.outcome}
            data-path={entry.path}
            className={entry.seq === selectedSeq ? 'audit-row-selected' : undefined}
            onClick={() => onSelect(entry)}
          >
            <td className="nowrap">{formatTime(entry.time)}</td>
            <td className="nowrap">
              {entry.user}@{entry.host}
            </td>
            <td className="nowrap">{entry.connection.name}</td>
            <td>
              <span className="badge" data-env={entry.connection.environment}>
                {entry.connection.environment}
              </span>
            </td>
            <td>{entry.operation}</td>
            <td className="mono audit-path">{entry.path}</td>
            <td>
              <span className="audit-outcome" data-outcome={entry.outcome}>
                {entry.outcome}
              </span>
            </td>
            <td className="audit-error">
              {entry.error ? `${entry.error.code}: ${entry.error.message}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
