import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useCatalogNodes, useClusterOverview } from '../../api/useRegistry.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/Select.js';
import { StatusLine } from '../../components/StatusLine.js';
import type { ActiveSession } from '../session/active-session.js';
import { CatalogNodeTable } from './CatalogNodeTable.js';
import { ClusterSummary } from './ClusterSummary.js';
import '../registry/registry.css';
import './ClusterView.css';

/** Datacenters, leader, raft peers, version, and the nodes of a datacenter with their checks. */
export function ClusterView({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('cluster');

  const connectionId = active.session.connectionId;
  const [datacenter, setDatacenter] = useState(active.profile.datacenter ?? '');
  const chosen = datacenter === '' ? null : datacenter;
  const overview = useClusterOverview(connectionId, chosen);
  const nodes = useCatalogNodes(connectionId, chosen);
  const datacenters = overview.data?.datacenters ?? [];
  const options =
    datacenter === '' || datacenters.includes(datacenter) ? datacenters : [datacenter, ...datacenters];
  const refresh = () => {
    void overview.refetch();
    void nodes.refetch();
  };
  const fetching = overview.isFetching || nodes.isFetching;

  return (
    <div className="cluster-view" data-testid="cluster-view">
      <div className="toolbar registry-toolbar">
        <label>
          <span className="muted">{t('clusterView.datacenter')}</span>
          <Select
            testId="cluster-datacenter"
            value={datacenter}
            onValue={setDatacenter}
            options={[
              {
                value: '',
                label:
                  overview.data?.datacenter && datacenter === ''
                    ? t('clusterView.agentSOwn', { datacenter: overview.data.datacenter })
                    : t('clusterView.agentSOwn2'),
              },
              ...options.map((dc) => ({ value: dc, label: dc })),
            ]}
          />
        </label>
        <span className="spacer" />
        <Button
          small
          testId="cluster-refresh"
          busy={fetching}
          busyLabel={t('busy.refreshing')}
          onClick={refresh}
        >
          {t('clusterView.refresh')}
        </Button>
      </div>
      <div className="registry-scroll">
        <QueryState query={overview} loading={t('clusterView.loadingTheCluster')} errorTestId="cluster-error">
          {(found) => <ClusterSummary overview={found} />}
        </QueryState>
        <div className="section-title caps-title">
          {t('clusterView.nodes')}
          {nodes.data ? ` (${nodes.data.length})` : ''}
        </div>
        <QueryState
          query={nodes}
          loading={t('clusterView.loadingNodes')}
          errorTestId="catalog-error"
          isEmpty={(found) => found.length === 0}
          empty={<StatusLine>{t('clusterView.noNodes')}</StatusLine>}
        >
          {(found) => <CatalogNodeTable nodes={found} />}
        </QueryState>
      </div>
    </div>
  );
}
