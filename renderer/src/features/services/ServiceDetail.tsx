import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('services');

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
            {t('serviceDetail.instances', { count: list.length, length: list.length })}
            {failing > 0 ? t('serviceDetail.critical', { failing }) : ''}
          </span>
        )}
        <span className="spacer" />
        {instances.dataUpdatedAt > 0 && (
          <span className="faint">
            {t('serviceDetail.updated')} {new Date(instances.dataUpdatedAt).toLocaleTimeString('sv-SE')}
          </span>
        )}
        <RefreshButton testId="instances-refresh" query={instances} busyLabel={t('busy.refreshing')} />
      </div>
      <div className="registry-scroll">
        <QueryState
          query={instances}
          loading={t('serviceDetail.loadingInstances')}
          errorTestId="instances-error"
          isEmpty={(found) => found.length === 0}
          empty={<StatusLine testId="instances-empty">{t('serviceDetail.noInstancesRegistered')}</StatusLine>}
        >
          {(found) => <InstanceTable instances={found} />}
        </QueryState>
      </div>
    </div>
  );
}
