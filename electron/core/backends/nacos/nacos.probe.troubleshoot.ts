import { NACOS_DEFAULT_GROUP } from '../../../../shared/kinds/nacos.kind.js';
import type { NacosHttp } from './nacos.http.js';
import { offered } from './nacos.offered.js';
import {
  ClusterNodesSchema,
  ListenersByIpSchema,
  RaftMetricsSchema,
  SubscribersSchema,
} from './nacos.troubleshoot.schemas.js';

/** The troubleshooting endpoints the connected server answers, detected once at connect. */
export interface NacosTroubleshootApi {
  /** GET /v1/cs/listener?ip= answers (real Nacos): the configs a client IP listens to. */
  listenersByIp: boolean;
  /** GET /v1/ns/service/subscribers answers (Nacos and r-nacos). */
  subscribers: boolean;
  /** Where the members come from: real Nacos's cluster nodes, r-nacos's raft metrics, or nowhere. */
  members: 'cluster-nodes' | 'raft-metrics' | null;
}

/** The endpoints, as the sentences of an unavailable table name them. */
export const ENDPOINTS = {
  listenersByIp: 'GET /nacos/v1/cs/listener?ip=…',
  configListeners: 'GET /nacos/v1/cs/configs/listener',
  subscribers: 'GET /nacos/v1/ns/service/subscribers',
  clusterNodes: 'GET /nacos/v1/core/cluster/nodes',
  raftMetrics: 'GET /nacos/v1/raft/metrics',
} as const;

/** Asks each endpoint once with a harmless query: a 2xx answer of the expected shape means offered. */
export async function detectTroubleshooting(http: NacosHttp): Promise<NacosTroubleshootApi> {
  const what = 'Detecting the Nacos troubleshooting API';
  const [byIp, subscribers, nodes, raft] = await Promise.all([
    offered(http, { path: '/v1/cs/listener', query: { ip: '127.0.0.1' }, what }, ListenersByIpSchema),
    offered(
      http,
      {
        path: '/v1/ns/service/subscribers',
        query: { serviceName: 'configdeck.probe', groupName: NACOS_DEFAULT_GROUP, pageNo: 1, pageSize: 1 },
        what,
      },
      SubscribersSchema,
    ),
    offered(http, { path: '/v1/core/cluster/nodes', what }, ClusterNodesSchema),
    offered(http, { path: '/v1/raft/metrics', what }, RaftMetricsSchema),
  ]);
  return {
    listenersByIp: byIp !== null,
    subscribers: subscribers !== null,
    members:
      nodes !== null && nodes.data.length > 0 ? 'cluster-nodes' : raft !== null ? 'raft-metrics' : null,
  };
}
