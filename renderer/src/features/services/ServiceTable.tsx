import type { ServiceSummary } from '../../../../shared/model/registry.js';
import { healthyTone } from '../../lib/health.js';
import { TagChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { serviceKey } from './service-filter.js';

interface Props {
  services: readonly ServiceSummary[];
  selectedKey: string | null;
  onSelect: (service: ServiceSummary) => void;
}

/** The services of the scope: name, group and namespace where the registry has them, tags, health. */
export function ServiceTable({ services, selectedKey, onSelect }: Props) {
  const showGroup = services.some((s) => s.group !== null);
  // Namespace only when the list spans several; tags only when some service has them.
  const showNamespace = new Set(services.map((s) => s.namespace ?? '')).size > 1;
  const showTags = services.some((s) => s.tags.length > 0);
  return (
    <table className="registry-table">
      <thead>
        <tr>
          <th>Service</th>
          {showGroup && <th>Group</th>}
          {showNamespace && <th>Namespace</th>}
          {showTags && <th>Tags</th>}
          <th className="num" title="Healthy instances / all instances">
            Healthy
          </th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => {
          const key = serviceKey(service);
          const tone = healthyTone(service.healthyCount, service.instanceCount);
          return (
            <tr
              key={key}
              className={`clickable${key === selectedKey ? ' selected' : ''}`}
              data-testid="service-row"
              data-name={service.name}
              data-group={service.group ?? undefined}
              data-selected={key === selectedKey}
              onClick={() => onSelect(service)}
            >
              <td className="mono service-name">{service.name}</td>
              {showGroup && <td className="mono">{service.group ?? '—'}</td>}
              {showNamespace && <td className="mono">{service.namespace || '—'}</td>}
              {showTags && (
                <td>
                  <TagChips tags={service.tags} />
                </td>
              )}
              <td className="num" data-testid="service-health" data-tone={tone}>
                <HealthBadge
                  status={tone}
                  label={`${service.healthyCount ?? '?'} / ${service.instanceCount ?? '?'}`}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
