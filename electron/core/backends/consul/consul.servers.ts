import { isAppError } from '../../../../shared/errors.js';
import type {
  MemberMetric,
  MemberRole,
  ServerMember,
  ServersReport,
} from '../../../../shared/model/diagnostics.js';
import { yesNo } from '../../../../shared/labels/core-words.js';
import { memberMetric } from '../../../../shared/labels/member-metrics.js';
import type { ServersApi } from '../backend.js';
import type { ConsulHttp } from './consul.http.js';
import { lanMembers, type LanMember } from './consul.members.js';
import { raftView, type RaftView } from './consul.raft.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

/** The health view is polled every few seconds: no call may hold it longer than this. */
const HEALTH_TIMEOUT_MS = 3000;

function roleOf(member: LanMember, raft: RaftView): MemberRole {
  if (!member.server) return 'client';
  if (member.serverAddress !== null && member.serverAddress === raft.leader) return 'leader';
  const inRaft = raft.configuration?.find((server) => server.Node === member.name);
  if (inRaft) return inRaft.Leader ? 'leader' : inRaft.Voter ? 'follower' : 'server';
  return member.serverAddress !== null && raft.peers.includes(member.serverAddress) ? 'follower' : 'server';
}

function statusError(member: LanMember): string | null {
  const params = { member: member.name };
  if (member.status === 'failed') return say(CONSUL_SENTENCES, 'memberFailed', params);
  if (member.status === 'left') return say(CONSUL_SENTENCES, 'memberLeft', params);
  if (member.status === 'leaving') return say(CONSUL_SENTENCES, 'memberLeaving', params);
  if (member.alive) return null;
  if (member.status === 'none') return say(CONSUL_SENTENCES, 'memberStatusNone', params);
  // Any other state is a number Serf added after ConfigDeck was written (`status 5`).
  const number = /^status (\d+)$/.exec(member.status)?.[1];
  if (number !== undefined) return say(CONSUL_SENTENCES, 'memberStatusNumber', { ...params, status: number });
  return `${member.name} is ${member.status}.`;
}

function metricsOf(member: LanMember, raft: RaftView): MemberMetric[] {
  const metrics: MemberMetric[] = [memberMetric('status', member.status, 'text')];
  if (member.datacenter) metrics.push(memberMetric('datacenter', member.datacenter, 'text'));
  const inRaft = raft.configuration?.find((server) => server.Node === member.name);
  if (inRaft) {
    metrics.push(memberMetric('voter', yesNo(inRaft.Voter)));
    if (inRaft.LastIndex !== undefined) metrics.push(memberMetric('raftLastIndex', inRaft.LastIndex));
  }
  return metrics;
}

function serverMember(member: LanMember, raft: RaftView): ServerMember {
  return {
    id: member.name,
    name: member.name,
    address: member.serverAddress ?? member.address,
    role: roleOf(member, raft),
    up: member.alive,
    error: statusError(member),
    version: member.version,
    metrics: metricsOf(member, raft),
  };
}

/** Raft peers that gossip does not show alive: a server raft still counts on but nobody reaches. */
function disagreements(members: LanMember[], raft: RaftView): string[] {
  const alive = new Set(members.filter((m) => m.alive && m.serverAddress).map((m) => m.serverAddress));
  return raft.peers
    .filter((peer) => !alive.has(peer))
    .map((peer) => say(CONSUL_SENTENCES, 'raftPeerNotAlive', { peer }));
}

/**
 * Members and health of a Consul cluster from cheap calls: the LAN members of the agent (alive, failed,
 * left), leader and raft peers, and the raft configuration when the token may read it (capability `servers`).
 */
export class ConsulServers implements ServersApi {
  constructor(private readonly http: ConsulHttp) {}

  async health(): Promise<ServersReport> {
    const timeoutMs = Math.min(HEALTH_TIMEOUT_MS, this.http.timeoutMs);
    const [members, raft] = await Promise.allSettled([
      lanMembers(this.http, timeoutMs),
      raftView(this.http, timeoutMs),
    ]);
    const checkedAt = Date.now();
    if (members.status === 'rejected') {
      const error = members.reason;
      if (!isAppError(error) || !['UNREACHABLE', 'TIMEOUT', 'NOT_CONNECTED'].includes(error.code))
        throw error;
      // The agent itself does not answer: it is the one member this connection can tell about.
      const agent = this.http.endpoint;
      return {
        members: [
          {
            id: agent,
            name: agent,
            address: agent,
            role: 'unknown',
            up: false,
            error: error.message,
            version: null,
            metrics: [],
          },
        ],
        checkedAt,
        disagreements: [],
        notes: [
          {
            message: say(CONSUL_SENTENCES, 'agentDown'),
            fix: null,
          },
        ],
      };
    }
    const view: RaftView =
      raft.status === 'fulfilled' ? raft.value : { leader: null, peers: [], configuration: null, notes: [] };
    return {
      members: members.value.map((member) => serverMember(member, view)),
      checkedAt,
      disagreements: disagreements(members.value, view),
      notes: view.notes,
    };
  }
}
