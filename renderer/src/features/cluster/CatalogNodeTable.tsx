import { Fragment } from 'react';
import type { CatalogNode } from '../../../../shared/model/registry.js';
import { compareHealth, worstStatus } from '../../lib/health.js';
import { CheckList } from '../registry/CheckList.js';
import { MetadataChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';

/** Nodes worst first, then by name. */
function sortNodes(nodes: readonly CatalogNode[]): CatalogNode[] {
  return [...nodes].sort(
    (a, b) =>
      compareHealth(worstStatus(a.checks) ?? 'unknown', worstStatus(b.checks) ?? 'unknown') ||
      a.node.localeCompare(b.node),
  );
}

/** The catalog's nodes with their node-level checks below each one. */
export function CatalogNodeTable({ nodes }: { nodes: readonly CatalogNode[] }) {
  return (
    <table className="registry-table">
      <thead>
        <tr>
          <th>Health</th>
          <th>Node</th>
          <th>Address</th>
          <th>Datacenter</th>
          <th>Metadata</th>
        </tr>
      </thead>
      <tbody>
        {sortNodes(nodes).map((node) => {
          const health = worstStatus(node.checks) ?? 'unknown';
          return (
            <Fragment key={node.node}>
              <tr
                className={node.checks.length > 0 ? 'has-sub' : undefined}
                data-testid="catalog-node-row"
                data-node={node.node}
                data-health={health}
              >
                <td>
                  <HealthBadge status={health} />
                </td>
                <td className="mono">{node.node}</td>
                <td className="mono">{node.address}</td>
                <td className="mono">{node.datacenter ?? '—'}</td>
                <td>
                  <MetadataChips metadata={node.metadata} />
                </td>
              </tr>
              {node.checks.length > 0 && (
                <tr className="sub-row">
                  <td colSpan={5}>
                    <CheckList checks={node.checks} owner={{ node: node.node }} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
