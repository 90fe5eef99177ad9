import type {
  DiagnosticsApi,
  HistoryApi,
  ListenerApi,
  ServersApi,
  ServiceRegistryApi,
  WatchersApi,
} from '../backend.js';
import type { ServerFeature } from '../../../../shared/model/server-features.js';
import { NacosDiagnostics } from './nacos.diagnostics.js';
import { ENDPOINTS } from './nacos.probe.troubleshoot.js';
import type { NacosHttp } from './nacos.http.js';
import type { NacosApi } from './nacos.probe.js';
import { NacosClusterServers, RNacosRaftServers } from './nacos.servers.js';
import { NacosWatchers } from './nacos.watchers.js';

/** The session APIs a Nacos session's troubleshooting builds on. */
interface SessionApis {
  listeners?: ListenerApi;
  history?: HistoryApi;
  registry?: ServiceRegistryApi;
}

/**
 * Who listens, who subscribes, which members: each API only where the server answered its endpoint at
 * connect (see nacos.probe.troubleshoot.ts), so that each capability flag stands for something real.
 */
export function troubleshootingOf(
  http: NacosHttp,
  api: NacosApi,
  session: SessionApis,
): { watchers?: WatchersApi; diagnostics?: DiagnosticsApi; servers?: ServersApi } {
  const offered = api.troubleshoot;
  const content = api.history === 'v1' ? 'nacos-v1' : 'published';
  return {
    ...(session.listeners === undefined
      ? {}
      : {
          watchers: new NacosWatchers(
            session.listeners,
            session.history === undefined ? null : { api: session.history, content },
          ),
        }),
    ...(offered.listenersByIp || offered.subscribers
      ? { diagnostics: new NacosDiagnostics(http, offered, session.registry ?? null, api.product) }
      : {}),
    ...(offered.members === 'cluster-nodes' ? { servers: new NacosClusterServers(http) } : {}),
    ...(offered.members === 'raft-metrics' ? { servers: new RNacosRaftServers(http) } : {}),
  };
}

/**
 * The troubleshooting endpoints as the connection's info lists them: each offered or not, and where
 * not, which endpoint the server lacks (what the UI names when a view is missing).
 */
export function troubleshootingFeatures(api: NacosApi): ServerFeature[] {
  const { product } = api;
  const offered = api.troubleshoot;
  const feature = (name: string, yes: boolean, endpoint: string, what: string): ServerFeature => ({
    name,
    status: yes ? 'yes' : 'no',
    detail: yes
      ? `${product} answers ${endpoint}.`
      : `${product} does not offer ${endpoint}: it cannot tell ${what}.`,
  });
  const members =
    offered.members === 'cluster-nodes'
      ? feature('Cluster members', true, ENDPOINTS.clusterNodes, '')
      : offered.members === 'raft-metrics'
        ? feature('Cluster members', true, `${ENDPOINTS.raftMetrics} (each member asked itself)`, '')
        : feature('Cluster members', false, ENDPOINTS.clusterNodes, 'its members and their health');
  return [
    feature(
      'Config listeners',
      api.listenerQuery,
      ENDPOINTS.configListeners,
      'which clients listen to a config',
    ),
    feature(
      'Listeners by client IP',
      offered.listenersByIp,
      ENDPOINTS.listenersByIp,
      'which configs a client listens to',
    ),
    feature('Service subscribers', offered.subscribers, ENDPOINTS.subscribers, 'who subscribes to a service'),
    members,
  ];
}
