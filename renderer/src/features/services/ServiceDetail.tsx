import type { RegistryScope, ServiceSummary } from '../../../../shared/model/registry.js';
import { useServiceInstances } from '../../api/useRegistry.js';
import { describeError } from '../../errors/error-messages.js';
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
      <div className="registry-toolbar">
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
        <button
          className="btn btn-sm"
          data-testid="instances-refresh"
          disabled={instances.isFetching}
          onClick={() => void instances.refetch()}
        >
          {instances.isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="registry-scroll">
        {instances.isPending && <div className="muted pad">Loading instances…</div>}
        {instances.isError && (
          <div
            className="inline-error"
            data-testid="instances-error"
            data-code={describeError(instances.error).code}
          >
            {describeError(instances.error).title}: {describeError(instances.error).message}
          </div>
        )}
        {instances.data && list.length === 0 && (
          <div className="muted pad" data-testid="instances-empty">
            No instances registered.
          </div>
        )}
        {list.length > 0 && <InstanceTable instances={list} />}
      </div>
    </div>
  );
}
