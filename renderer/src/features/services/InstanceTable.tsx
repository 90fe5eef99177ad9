import { useTranslation } from 'react-i18next';
import type { ServiceInstance } from '../../../../shared/model/registry.js';
import { DataTable } from '../../components/DataTable.js';
import { instanceHealth, sortInstances } from '../../lib/health.js';
import { CheckList } from '../registry/CheckList.js';
import { MetadataChips, TagChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';

function address(instance: ServiceInstance): string {
  return instance.port === null ? instance.address : `${instance.address}:${instance.port}`;
}

/** The instances of one service, worst first, each with its checks and their output below it. */
export function InstanceTable({ instances }: { instances: readonly ServiceInstance[] }) {
  const { t } = useTranslation('services');
  const yesNo = (value: boolean | null): string =>
    value === null ? '—' : value ? t('instanceTable.yes') : t('instanceTable.no');

  // A column only some registries fill is shown only when some instance has it.
  const has = (field: (i: ServiceInstance) => boolean) => instances.some(field);
  return (
    <DataTable<ServiceInstance>
      className="data-table registry-table instance-table"
      rows={sortInstances(instances)}
      columns={[
        { header: t('instanceTable.health'), cell: (i) => <HealthBadge status={instanceHealth(i)} /> },
        { header: t('instanceTable.instance'), className: 'mono', cell: (i) => i.id },
        has((i) => i.node !== null) && {
          header: t('instanceTable.node'),
          className: 'mono',
          cell: (i) => i.node ?? '—',
        },
        { header: t('instanceTable.address'), className: 'mono nowrap', cell: address },
        has((i) => i.weight !== null) && {
          header: t('instanceTable.weight'),
          headerClassName: 'num',
          className: 'num',
          cell: (i) => i.weight ?? '—',
        },
        has((i) => i.enabled !== null) && {
          header: t('instanceTable.enabled'),
          cellProps: (i) => ({ className: i.enabled === false ? 'warn-text' : undefined }),
          cell: (i) => (i.enabled === false ? t('instanceTable.disabled') : yesNo(i.enabled)),
        },
        has((i) => i.ephemeral !== null) && {
          header: t('instanceTable.ephemeral'),
          cell: (i) => yesNo(i.ephemeral),
        },
        has((i) => i.tags.length > 0) && {
          header: t('instanceTable.tags'),
          cell: (i) => <TagChips tags={i.tags} />,
        },
        { header: t('instanceTable.metadata'), cell: (i) => <MetadataChips metadata={i.metadata} /> },
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
