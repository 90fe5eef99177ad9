import type { ServiceInstance } from '../../../../shared/model/registry.js';
import { DataTable } from '../../components/DataTable.js';
import { instanceHealth, sortInstances } from '../../lib/health.js';
import { CheckList } from '../registry/CheckList.js';
import { MetadataChips, TagChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';

function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

function address(instance: ServiceInstance): string {
  return instance.port === null ? instance.address : `${instance.address}:${instance.port}`;
}

/** The instances of one service, worst first, each with its checks and their output below it. */
export function InstanceTable({ instances }: { instances: readonly ServiceInstance[] }) {
  // A column only some registries fill is shown only when some instance has it.
  const has = (field: (i: ServiceInstance) => boolean) => instances.some(field);
  return (
    <DataTable<ServiceInstance>
      className="data-table registry-table instance-table"
      rows={sortInstances(instances)}
      columns={[
        { header: 'Health', cell: (i) => <HealthBadge status={instanceHealth(i)} /> },
        { header: 'Instance', className: 'mono', cell: (i) => i.id },
        has((i) => i.node !== null) && { header: 'Node', className: 'mono', cell: (i) => i.node ?? '—' },
        { header: 'Address', className: 'mono nowrap', cell: address },
        has((i) => i.weight !== null) && {
          header: 'Weight',
          headerClassName: 'num',
          className: 'num',
          cell: (i) => i.weight ?? '—',
        },
        has((i) => i.enabled !== null) && {
          header: 'Enabled',
          cellProps: (i) => ({ className: i.enabled === false ? 'warn-text' : undefined }),
          cell: (i) => (i.enabled === false ? 'disabled' : yesNo(i.enabled)),
        },
        has((i) => i.ephemeral !== null) && { header: 'Ephemeral', cell: (i) => yesNo(i.ephemeral) },
        has((i) => i.tags.length > 0) && { header: 'Tags', cell: (i) => <TagChips tags={i.tags} /> },
        { header: 'Metadata', cell: (i) => <MetadataChips metadata={i.metadata} /> },
      ]}
      rowKey={(i) => i.id}
      rowProps={(i) => ({
        'data-testid': 'instance-row',
        'data-id': i.id,
        'data-healthy': String(i.healthy),
        'data-health': instanceHealth(i),
      })}
      detail={(i) =>
        i.checks.length > 0 ? <CheckList checks={i.checks} owner={{ instance: i.id }} /> : null
      }
    />
  );
}
