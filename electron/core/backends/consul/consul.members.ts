import type { ConsulHttp } from './consul.http.js';
import { AgentMembersWireSchema, type AgentMemberWire } from './consul.cluster.schemas.js';
import { parseJson } from './consul.schemas.js';

/** Serf's member states as Consul numbers them. */
const SERF_STATUS: Record<number, string> = { 0: 'none', 1: 'alive', 2: 'leaving', 3: 'left', 4: 'failed' };

/** One LAN member as ConfigDeck shows it. */
export interface LanMember {
  name: string;
  /** The gossip address `ip:port`. */
  address: string;
  /** The RPC address of a server (`ip:8300`), as raft names its peers; null for a client agent. */
  serverAddress: string | null;
  server: boolean;
  status: string;
  alive: boolean;
  datacenter: string | null;
  version: string | null;
}

/** The Consul version of a member from its `build` tag (`1.22.7:abc123` → `1.22.7`). */
function versionOf(tags: Record<string, string>): string | null {
  const build = tags['build'];
  return build ? (build.split(':')[0] ?? null) : null;
}

function lanMember(member: AgentMemberWire): LanMember {
  const server = member.Tags['role'] === 'consul';
  const port = member.Tags['port'];
  const status = SERF_STATUS[member.Status] ?? `status ${member.Status}`;
  return {
    name: member.Name,
    address: `${member.Addr}:${member.Port}`,
    serverAddress: server && port ? `${member.Addr}:${port}` : null,
    server,
    status,
    alive: status === 'alive',
    datacenter: member.Tags['dc'] ?? null,
    version: versionOf(member.Tags),
  };
}

/** The LAN members the agent knows (gossip), sorted servers first, then by name; within `timeoutMs`. */
export async function lanMembers(http: ConsulHttp, timeoutMs: number): Promise<LanMember[]> {
  const what = 'Listing the Consul LAN members';
  const response = await http.request({ what, path: '/v1/agent/members', datacenter: null, timeoutMs });
  return parseJson(response, AgentMembersWireSchema, what)
    .map(lanMember)
    .sort((a, b) => Number(b.server) - Number(a.server) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
