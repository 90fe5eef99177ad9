import type {
  DiagnosticsApi,
  HistoryApi,
  ListenerApi,
  ServersApi,
  ServiceRegistryApi,
  WatchersApi,
} from '../backend.js';
import { NacosDiagnostics } from './nacos.diagnostics.js';
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
