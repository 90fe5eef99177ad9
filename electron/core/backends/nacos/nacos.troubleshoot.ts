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
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

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

/** The sentences of an endpoint the server lacks, each saying what the server cannot tell without it. */
type MissingEndpoint =
  'missingConfigListeners' | 'missingListenersByIp' | 'missingSubscribers' | 'missingClusterNodes';

/**
 * The troubleshooting endpoints as the connection's info lists them: each offered or not, and where
 * not, which endpoint the server lacks (what the UI names when a view is missing).
 */
export function troubleshootingFeatures(api: NacosApi): ServerFeature[] {
  const { product } = api;
  const offered = api.troubleshoot;
  // What the server cannot tell without the endpoint is part of each sentence, not a value in it.
  const feature = (
    name: string,
    yes: boolean,
    endpoint: string,
    missing: MissingEndpoint,
  ): ServerFeature => ({
    name,
    status: yes ? 'yes' : 'no',
    detail: yes
      ? say(NACOS_SENTENCES, 'endpointAnswered', { product, endpoint })
      : say(NACOS_SENTENCES, missing, { product, endpoint }),
  });
  const members: ServerFeature =
    offered.members === 'cluster-nodes'
      ? feature('Cluster members', true, ENDPOINTS.clusterNodes, 'missingClusterNodes')
      : offered.members === 'raft-metrics'
        ? {
            name: 'Cluster members',
            status: 'yes',
            detail: say(NACOS_SENTENCES, 'raftMetricsAnswered', { product, endpoint: ENDPOINTS.raftMetrics }),
          }
        : feature('Cluster members', false, ENDPOINTS.clusterNodes, 'missingClusterNodes');
  return [
    feature('Config listeners', api.listenerQuery, ENDPOINTS.configListeners, 'missingConfigListeners'),
    feature('Listeners by client IP', offered.listenersByIp, ENDPOINTS.listenersByIp, 'missingListenersByIp'),
    feature('Service subscribers', offered.subscribers, ENDPOINTS.subscribers, 'missingSubscribers'),
    members,
  ];
}
