import { z } from 'zod';
import { isAppError } from '../../../../shared/errors.js';
import type { DiagnosticNote } from '../../../../shared/model/diagnostics.js';
import type { ConsulHttp } from './consul.http.js';
import { RaftConfigurationWireSchema, type RaftConfigurationWire } from './consul.cluster.schemas.js';
import { parseJson } from './consul.schemas.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

const PeersSchema = z
  .array(z.string())
  .nullable()
  .transform((peers) => peers ?? []);

/** What the agent tells of raft: leader, peers and, when the token may read it, the full configuration. */
export interface RaftView {
  /** The leader's RPC address; null while there is none. */
  leader: string | null;
  peers: string[];
  /** Null when the token may not read it (operator:read) or the agent could not tell. */
  configuration: RaftConfigurationWire['Servers'] | null;
  notes: DiagnosticNote[];
}

function failureSentence(error: unknown): string {
  return isAppError(error) ? error.message : String(error);
}

/** Leader, peers and raft configuration of the agent's datacenter, each failure a note rather than a throw. */
export async function raftView(http: ConsulHttp, timeoutMs: number): Promise<RaftView> {
  const what = 'Reading the Consul raft state';
  const [leader, peers, configuration] = await Promise.allSettled([
    http.request({ what, path: '/v1/status/leader', datacenter: null, timeoutMs }),
    http.request({ what, path: '/v1/status/peers', datacenter: null, timeoutMs }),
    http.request({ what, path: '/v1/operator/raft/configuration', datacenter: null, timeoutMs }),
  ]);
  const notes: DiagnosticNote[] = [];
  let leaderAddress: string | null = null;
  if (leader.status === 'fulfilled') {
    const address = parseJson(leader.value, z.string(), what);
    leaderAddress = address === '' ? null : address;
    if (leaderAddress === null) notes.push({ message: say(CONSUL_SENTENCES, 'noRaftLeader'), fix: null });
  } else {
    notes.push({
      message: say(CONSUL_SENTENCES, 'leaderUnreadable', { reason: failureSentence(leader.reason) }),
      fix: null,
    });
  }
  let servers: RaftView['configuration'] = null;
  if (configuration.status === 'fulfilled') {
    servers = parseJson(configuration.value, RaftConfigurationWireSchema, what).Servers;
  } else if (isAppError(configuration.reason) && configuration.reason.code === 'PERMISSION_DENIED') {
    notes.push({
      message: say(CONSUL_SENTENCES, 'raftConfigurationDenied'),
      fix: 'operator = "read"',
    });
  } else {
    notes.push({
      message: say(CONSUL_SENTENCES, 'raftConfigurationUnreadable', {
        reason: failureSentence(configuration.reason),
      }),
      fix: null,
    });
  }
  return {
    leader: leaderAddress,
    peers: peers.status === 'fulfilled' ? parseJson(peers.value, PeersSchema, what) : [],
    configuration: servers,
    notes,
  };
}
