import type { Principal } from '../../../../shared/model/principals.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { GrantList } from './GrantList.js';
import { TYPE_LABELS } from './principal-filter.js';

function Memberships({ principal }: { principal: Principal }) {
  const items = [
    ...principal.roles.map((name) => ({ kind: 'role', name })),
    ...principal.policies.map((name) => ({ kind: 'policy', name })),
  ];
  if (items.length === 0) return <span className="faint">—</span>;
  return (
    <span className="chips">
      {items.map((item) => (
        <span key={`${item.kind}:${item.name}`} className="chip chip-meta" data-testid="access-member-of">
          {item.kind} <b>{item.name}</b>
        </span>
      ))}
    </span>
  );
}

/** The columns; Description only where some principal has one (etcd users and roles never do). */
function columns(withDescription: boolean): readonly (Column<Principal> | false)[] {
  return [
    {
      header: 'Type',
      cell: (p) => (
        <span className="badge principal-type" data-type={p.type}>
          {TYPE_LABELS[p.type]}
        </span>
      ),
    },
    {
      header: 'Name',
      className: 'mono principal-name',
      cell: (p) => (
        <>
          <span className="nowrap">{p.name}</span>{' '}
          {p.self && (
            <span
              className="badge principal-self"
              data-testid="access-self"
              title="The credentials of this connection"
            >
              this connection
            </span>
          )}
        </>
      ),
    },
    withDescription && {
      header: 'Description',
      className: 'principal-description',
      cell: (p) => p.description ?? <span className="faint">—</span>,
    },
    { header: 'Roles / policies', cell: (p) => <Memberships principal={p} /> },
    { header: 'May read and write', cell: (p) => <GrantList grants={p.grants} /> },
  ];
}

/** Principals with their grants; a Consul policy's rules text folds out below its row. */
export function PrincipalTable({ principals }: { principals: readonly Principal[] }) {
  return (
    <DataTable
      className="data-table access-table"
      rows={principals}
      columns={columns(principals.some((p) => p.description !== null))}
      rowKey={(p) => `${p.type}:${p.name}`}
      rowProps={(p) => ({
        'data-testid': 'access-row',
        'data-type': p.type,
        'data-name': p.name,
        'data-self': p.self,
      })}
      detail={(p) =>
        p.rules !== null && p.rules.trim() !== '' ? (
          <details className="access-rules">
            <summary className="muted">Rules as the server keeps them</summary>
            <pre className="mono" data-testid="access-rules">
              {p.rules}
            </pre>
          </details>
        ) : null
      }
    />
  );
}
