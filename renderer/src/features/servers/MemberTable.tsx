import type { ServerMember } from '../../../../shared/model/diagnostics.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { formatMetric } from './servers-summary.js';

const COLUMNS: readonly Column<ServerMember>[] = [
  {
    header: 'Status',
    cell: (m) => <HealthBadge status={m.up ? 'passing' : 'critical'} label={m.up ? 'up' : 'down'} />,
  },
  { header: 'Name', className: 'mono', cell: (m) => m.name },
  { header: 'Address', className: 'mono', cell: (m) => m.address },
  {
    header: 'Role',
    cell: (m) => (
      <span className="member-role" data-role={m.role}>
        {m.role}
      </span>
    ),
  },
  { header: 'Version', className: 'mono', cell: (m) => m.version ?? '—' },
  {
    header: 'Metrics',
    cell: (m) =>
      m.metrics.length === 0 ? (
        <span className="faint">—</span>
      ) : (
        <span className="member-metrics">
          {m.metrics.map((metric) => (
            <span key={metric.key} className="member-metric" data-key={metric.key}>
              <span className="muted">{metric.label}</span>{' '}
              <span className="mono">{formatMetric(metric)}</span>
            </span>
          ))}
        </span>
      ),
  },
];

/** The cluster's members: up in green, down in red with the reason below. */
export function MemberTable({ members }: { members: readonly ServerMember[] }) {
  return (
    <DataTable
      className="data-table registry-table"
      rows={members}
      columns={COLUMNS}
      rowKey={(m) => m.id}
      rowProps={(m) => ({
        'data-testid': 'server-member',
        'data-id': m.id,
        'data-address': m.address,
        'data-up': m.up,
        'data-role': m.role,
      })}
      detail={(m) =>
        m.error ? (
          <span className={m.up ? 'warn-text' : 'danger-text'} data-testid="server-member-error">
            {m.error}
          </span>
        ) : null
      }
    />
  );
}
