import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CatalogNode } from '../../../../shared/model/registry.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { compareHealth, worstStatus } from '../../lib/health.js';
import { CheckList } from '../registry/CheckList.js';
import { MetadataChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';

const healthOf = (node: CatalogNode) => worstStatus(node.checks) ?? 'unknown';

/** Nodes worst first, then by name. */
function sortNodes(nodes: readonly CatalogNode[]): CatalogNode[] {
  return [...nodes].sort((a, b) => compareHealth(healthOf(a), healthOf(b)) || a.node.localeCompare(b.node));
}

function columns(t: TFunction<'cluster'>): readonly Column<CatalogNode>[] {
  return [
    { header: t('catalogNodeTable.health'), cell: (node) => <HealthBadge status={healthOf(node)} /> },
    { header: t('catalogNodeTable.node'), className: 'mono', cell: (node) => node.node },
    { header: t('catalogNodeTable.address'), className: 'mono', cell: (node) => node.address },
    { header: t('catalogNodeTable.datacenter'), className: 'mono', cell: (node) => node.datacenter ?? '—' },
    { header: t('catalogNodeTable.metadata'), cell: (node) => <MetadataChips metadata={node.metadata} /> },
  ];
}

/** The catalog's nodes with their node-level checks below each one. */
export function CatalogNodeTable({ nodes }: { nodes: readonly CatalogNode[] }) {
  const { t } = useTranslation('cluster');
  return (
    <DataTable
      className="data-table registry-table"
      rows={sortNodes(nodes)}
      columns={columns(t)}
      rowKey={(node) => node.node}
      rowProps={(node) => ({
        'data-testid': 'catalog-node-row',
        'data-node': node.node,
        'data-health': healthOf(node),
      })}
      detail={(node) =>
        node.checks.length > 0 ? <CheckList checks={node.checks} owner={{ node: node.node }} /> : null
      }
    />
  );
}
