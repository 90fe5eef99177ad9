import { useTranslation } from 'react-i18next';
import type { ServiceSummary } from '../../../../shared/model/registry.js';
import { DataTable } from '../../components/DataTable.js';
import { healthyTone } from '../../lib/health.js';
import { TagChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { serviceKey } from './service-filter.js';

interface Props {
  services: readonly ServiceSummary[];
  selectedKey: string | null;
  onSelect: (service: ServiceSummary) => void;
}

const toneOf = (s: ServiceSummary) => healthyTone(s.healthyCount, s.instanceCount);

/** The services of the scope: name, group and namespace where the registry has them, tags, health. */
export function ServiceTable({ services, selectedKey, onSelect }: Props) {
  const { t } = useTranslation('services');

  // Namespace only when the list spans several; tags only when some service has them.
  const showNamespace = new Set(services.map((s) => s.namespace ?? '')).size > 1;
  return (
    <DataTable<ServiceSummary>
      className="data-table registry-table"
      rows={services}
      columns={[
        { header: t('serviceTable.service'), className: 'mono service-name', cell: (s) => s.name },
        services.some((s) => s.group !== null) && {
          header: t('serviceTable.group'),
          className: 'mono',
          cell: (s) => s.group ?? '—',
        },
        showNamespace && {
          header: t('serviceTable.namespace'),
          className: 'mono',
          cell: (s) => s.namespace || '—',
        },
        services.some((s) => s.tags.length > 0) && {
          header: t('serviceTable.tags'),
          cell: (s) => <TagChips tags={s.tags} />,
        },
        {
          header: t('serviceTable.healthy'),
          headerClassName: 'num',
          headerTitle: t('serviceTable.healthyInstancesAllInstances'),
          className: 'num',
          cellProps: (s) => ({ 'data-testid': 'service-health', 'data-tone': toneOf(s) }),
          cell: (s) => (
            <HealthBadge status={toneOf(s)} label={`${s.healthyCount ?? '?'} / ${s.instanceCount ?? '?'}`} />
          ),
        },
      ]}
      rowKey={serviceKey}
      rowProps={(s) => ({
        className: `clickable${serviceKey(s) === selectedKey ? ' selected' : ''}`,
        'data-testid': 'service-row',
        'data-name': s.name,
        'data-group': s.group ?? undefined,
        'data-selected': serviceKey(s) === selectedKey,
        onClick: () => onSelect(s),
      })}
    />
  );
}
