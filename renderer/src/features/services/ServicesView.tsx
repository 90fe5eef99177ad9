import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import type { ServiceSummary } from '../../../../shared/model/registry.js';
import { useDiscovery, useServices } from '../../api/useRegistry.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { QueryState } from '../../components/QueryState.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { KIND_DESCRIPTORS } from '../../../../shared/kinds/kinds.js';
import { RegistryScopeBar, type ScopeChoices } from './RegistryScopeBar.js';
import type { ActiveSession } from '../session/active-session.js';
import { ServiceDetail } from './ServiceDetail.js';
import { ServiceTable } from './ServiceTable.js';
import { filterServices, instanceScope, scopeFromChoices, serviceKey } from './service-filter.js';
import '../registry/registry.css';
import './ServicesView.css';

/** The service registry of the open connection: services in a scope, and the instances of one of them. */
export function ServicesView({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('services');
  const { sentence } = useDescribeError();

  const connectionId = active.session.connectionId;
  const info = KIND_DESCRIPTORS[active.profile.kind];
  const [choices, setChoices] = useState<ScopeChoices>({
    datacenter: active.profile.datacenter ?? '',
    namespace: active.profile.namespace ?? '',
    group: '',
  });
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ServiceSummary | null>(null);
  const settled = useDebouncedValue(choices, 300);
  const scope = useMemo(() => scopeFromChoices(settled), [settled]);
  const discovery = useDiscovery(
    active.profile,
    info.registryScope.some((f) => f !== 'group'),
  );
  const services = useServices(connectionId, scope);
  const shown = useMemo(() => filterServices(services.data ?? [], filter), [services.data, filter]);
  const knownGroups = useMemo(
    () => [...new Set((services.data ?? []).flatMap((s) => (s.group ? [s.group] : [])))],
    [services.data],
  );
  const selectedKey = selected ? serviceKey(selected) : null;
  const onScope = (next: ScopeChoices) => {
    setChoices(next);
    setSelected(null);
  };

  return (
    <div className="services-view" data-testid="services-view">
      <div className="toolbar registry-toolbar">
        <RegistryScopeBar
          fields={info.registryScope}
          choices={choices}
          onChange={onScope}
          discovery={discovery.data}
          discoveryError={discovery.isError ? sentence(discovery.error) : null}
          knownGroups={knownGroups}
          defaultGroup={info.defaultGroup}
          idPrefix="services"
        />
        <input
          className="input"
          style={{ width: 220 }}
          data-testid="services-filter"
          placeholder={t('servicesView.filterByNameGroup')}
          spellCheck={false}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <RefreshButton testId="services-refresh" query={services} busyLabel={t('busy.refreshing')} />
        <span className="muted" data-testid="services-count">
          {services.data
            ? t('servicesView.ofServices', { length: shown.length, length2: services.data.length })
            : ''}
        </span>
      </div>
      <div className="services-split">
        <div className="services-list registry-scroll">
          <QueryState
            query={services}
            loading={t('servicesView.loadingServices')}
            errorTestId="services-error"
            isEmpty={() => shown.length === 0}
            empty={
              <StatusLine testId="services-empty">
                {services.data?.length === 0
                  ? t('servicesView.noServicesRegisteredIn')
                  : t('servicesView.noServiceMatches')}
              </StatusLine>
            }
          >
            {() => <ServiceTable services={shown} selectedKey={selectedKey} onSelect={setSelected} />}
          </QueryState>
        </div>
        <div className="services-detail">
          {selected ? (
            <ServiceDetail
              key={selectedKey}
              connectionId={connectionId}
              service={selected}
              scope={instanceScope(scope, selected)}
            />
          ) : (
            <div className="empty-state">{t('servicesView.selectAServiceTo')}</div>
          )}
        </div>
      </div>
    </div>
  );
}
