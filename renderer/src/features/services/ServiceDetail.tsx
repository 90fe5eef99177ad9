import type { RegistryScope, ServiceSummary } from '../../../../shared/model/registry.js';
import { useServiceInstances } from '../../api/useRegistry.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { QueryState } from '../../components/QueryState.js';
import { StatusLine } from '../../components/StatusLine.js';
import { instanceHealth } from '../../lib/health.js';
import { InstanceTable } from './InstanceTable.js';

interface Props {
  connectionId: string;
  service: ServiceSummary;
  scope: RegistryScope;
}

/** One service: its instances with health, weight, metadata and checks (refreshed every 10 s). */
export function ServiceDetail({ connectionId, service, scope }: Props) {
  const instances = useServiceInstances(connectionId, service.name, scope);
  const list = instances.data ?? [];
  const failing = list.filter((i) => instanceHealth(i) === 'critical').length;
  return (
    <div className="service-detail" data-testid="service-detail" data-name={service.name}>
      <div className="toolbar registry-toolbar">
        <b className="mono">{service.name}</b>
        {service.group && <span className="muted mono">{service.group}</span>}
        {instances.data && (
          <span className="muted" data-testid="instance-count">
            {list.length} instance{list.length === 1 ? '' : 's'}
            {failing > 0 ? ` · ${failing} critical` : ''}
          </span>
        )}
        <span className="spacer" />
        {instances.dataUpdatedAt > 0 && (
          <span className="faint">
            updated {new Date(instances.dataUpdatedAt).toLocaleTimeString('sv-SE')}
          </span>
        )}
        <RefreshButton testId="instances-refresh" query={instances} busyLabel="Refreshing…" />
      </div>
      <div className="registry-scroll">
        <QueryState
          query={instances}
          loading="Loading instances…"
          errorTestId="instances-error"
          isEmpty={(found) => found.length === 0}
          empty={<StatusLine testId="instances-empty">No instances registered.</StatusLine>}
        >
          {(found) => <InstanceTable instances={found} />}
        </QueryState>
      </div>
    </div>
  );
}
