import { z } from 'zod';
import type { CatalogNode, ClusterOverview } from '../../../../shared/model/registry.js';
import type { CatalogApi } from '../backend.js';
import { healthCheck } from './consul.health.js';
import type { ConsulHttp } from './consul.http.js';
import { CatalogNodeWireSchema, HealthCheckWireSchema, parseJson } from './consul.schemas.js';

const StringList = z
  .array(z.string())
  .nullable()
  .transform((items) => items ?? []);

/** What the agent told about itself at connect time. */
export interface AgentInfo {
  datacenter: string | null;
  version: string | null;
}

/** Datacenters, leader, raft peers and nodes with their node-level checks. */
export class ConsulCatalog implements CatalogApi {
  constructor(
    private readonly http: ConsulHttp,
    private readonly agent: AgentInfo,
    private readonly profileDatacenter: string | null,
  ) {}

  /** The datacenters this agent knows, leader and peers of the chosen one (the profile's or the agent's). */
  async overview(datacenter: string | null): Promise<ClusterOverview> {
    const dc = datacenter ?? undefined;
    const what = 'Reading the Consul cluster';
    const [datacenters, leader, peers] = await Promise.all([
      this.http.request({ what, path: '/v1/catalog/datacenters', datacenter: null }),
      this.http.request({ what, path: '/v1/status/leader', datacenter: dc }),
      this.http.request({ what, path: '/v1/status/peers', datacenter: dc }),
    ]);
    const leaderAddress = parseJson(leader, z.string(), what);
    return {
      datacenter: datacenter ?? this.profileDatacenter ?? this.agent.datacenter,
      datacenters: parseJson(datacenters, StringList, what),
      leader: leaderAddress === '' ? null : leaderAddress,
      peers: parseJson(peers, StringList, what),
      version: this.agent.version,
    };
  }

  /** Every node of the datacenter with its node-level checks (one request for all checks). */
  async nodes(datacenter: string | null): Promise<CatalogNode[]> {
    const dc = datacenter ?? undefined;
    const what = 'Listing Consul nodes';
    const [nodes, checks] = await Promise.all([
      this.http.request({ what, path: '/v1/catalog/nodes', datacenter: dc }),
      this.http.request({ what, path: '/v1/health/state/any', datacenter: dc }),
    ]);
    const byNode = new Map<string, CatalogNode['checks']>();
    for (const check of parseJson(checks, z.array(HealthCheckWireSchema).nullable(), what) ?? []) {
      if (check.ServiceID) continue;
      const list = byNode.get(check.Node) ?? [];
      list.push(healthCheck(check));
      byNode.set(check.Node, list);
    }
    return (parseJson(nodes, z.array(CatalogNodeWireSchema).nullable(), what) ?? []).map((node) => ({
      node: node.Node,
      address: node.Address,
      datacenter: node.Datacenter ?? null,
      metadata: node.Meta ?? {},
      checks: byNode.get(node.Node) ?? [],
    }));
  }
}
