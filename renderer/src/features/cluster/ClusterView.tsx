import { useState } from 'react';
import { useCatalogNodes, useClusterOverview } from '../../api/useRegistry.js';
import { describeError } from '../../errors/error-messages.js';
import type { ActiveSession } from '../session/active-session.js';
import { CatalogNodeTable } from './CatalogNodeTable.js';
import { ClusterSummary } from './ClusterSummary.js';
import '../registry/registry.css';
import './ClusterView.css';

/** Datacenters, leader, raft peers, version, and the nodes of a datacenter with their checks. */
export function ClusterView({ active }: { active: ActiveSession }) {
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
      <div className="registry-toolbar">
        <label>
          <span className="muted">Datacenter</span>
          <select
            className="input"
            data-testid="cluster-datacenter"
            value={datacenter}
            onChange={(e) => setDatacenter(e.target.value)}
          >
            <option value="">
              {overview.data?.datacenter && datacenter === ''
                ? `${overview.data.datacenter} (agent’s own)`
                : '(agent’s own)'}
            </option>
            {options.map((dc) => (
              <option key={dc} value={dc}>
                {dc}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button className="btn btn-sm" data-testid="cluster-refresh" disabled={fetching} onClick={refresh}>
          {fetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="registry-scroll">
        {overview.isError && (
          <div
            className="inline-error"
            data-testid="cluster-error"
            data-code={describeError(overview.error).code}
          >
            {describeError(overview.error).title}: {describeError(overview.error).message}
          </div>
        )}
        {overview.isPending && <div className="muted pad">Loading the cluster…</div>}
        {overview.data && <ClusterSummary overview={overview.data} />}
        <div className="section-title">Nodes{nodes.data ? ` (${nodes.data.length})` : ''}</div>
        {nodes.isPending && <div className="muted pad">Loading nodes…</div>}
        {nodes.isError && (
          <div
            className="inline-error"
            data-testid="catalog-error"
            data-code={describeError(nodes.error).code}
          >
            {describeError(nodes.error).title}: {describeError(nodes.error).message}
          </div>
        )}
        {nodes.data && nodes.data.length === 0 && <div className="muted pad">No nodes.</div>}
        {nodes.data && nodes.data.length > 0 && <CatalogNodeTable nodes={nodes.data} />}
      </div>
    </div>
  );
}
