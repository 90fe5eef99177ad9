import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Principal } from '../../../../shared/model/principals.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { GrantList } from './GrantList.js';

function Memberships({ principal }: { principal: Principal }) {
  const { t } = useTranslation('access');
  const items = [
    ...principal.roles.map((name) => ({ kind: 'role' as const, name })),
    ...principal.policies.map((name) => ({ kind: 'policy' as const, name })),
  ];
  if (items.length === 0) return <span className="faint">—</span>;
  return (
    <span className="chips">
      {items.map((item) => (
        <span key={`${item.kind}:${item.name}`} className="chip chip-meta" data-testid="access-member-of">
          {t(`principalType.${item.kind}`)} <b>{item.name}</b>
        </span>
      ))}
    </span>
  );
}

/** The columns; Description only where some principal has one (etcd users and roles never do). */
function columns(t: TFunction<'access'>, withDescription: boolean): readonly (Column<Principal> | false)[] {
  return [
    {
      header: t('principalTable.type'),
      cell: (p) => (
        <span className="badge principal-type" data-type={p.type}>
          {t(`principalType.${p.type}`)}
        </span>
      ),
    },
    {
      header: t('principalTable.name'),
      className: 'mono principal-name',
      cell: (p) => (
        <>
          <span className="nowrap">{p.name}</span>{' '}
          {p.self && (
            <span
              className="badge principal-self"
              data-testid="access-self"
              title={t('principalTable.selfTitle')}
            >
              {t('principalTable.self')}
            </span>
          )}
        </>
      ),
    },
    withDescription && {
      header: t('principalTable.description'),
      className: 'principal-description',
      cell: (p) => p.description ?? <span className="faint">—</span>,
    },
    { header: t('principalTable.memberships'), cell: (p) => <Memberships principal={p} /> },
    { header: t('principalTable.grants'), cell: (p) => <GrantList grants={p.grants} /> },
  ];
}

/** Principals with their grants; a Consul policy's rules text folds out below its row. */
export function PrincipalTable({ principals }: { principals: readonly Principal[] }) {
  const { t } = useTranslation('access');

  return (
    <DataTable
      className="data-table access-table"
      rows={principals}
      columns={columns(
        t,
        principals.some((p) => p.description !== null),
      )}
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
            <summary className="muted">{t('principalTable.rulesAsTheServer')}</summary>
            <pre className="mono" data-testid="access-rules">
              {p.rules}
            </pre>
          </details>
        ) : null
      }
    />
  );
}
