import type { MemberMetric } from '../model/diagnostics.js';
import type { Worded } from './core-words.js';
import { hasLabel } from './label-table.js';

/**
 * The English labels of the members' figures (`MemberMetric.label`), one per key across every store. The UI
 * shows `coreLabels:memberMetric.<key>`; the unit test keeps the English catalogue equal to this table.
 */
export const MEMBER_METRIC_LABELS = {
  // ZooKeeper (srvr, mntr or the AdminServer).
  zxid: 'Zxid',
  latencyMin: 'Latency min',
  latencyAvg: 'Latency avg',
  latencyMax: 'Latency max',
  outstanding: 'Outstanding requests',
  znodes: 'Znodes',
  watches: 'Watches',
  ephemerals: 'Ephemeral nodes',
  connections: 'Connections',
  // etcd and r-nacos raft.
  raftTerm: 'Raft term',
  raftIndex: 'Raft index',
  raftAppliedIndex: 'Raft applied index',
  dbSize: 'DB size',
  dbSizeInUse: 'DB size in use',
  leader: 'Leader',
  raftState: 'Raft state',
  lastLogIndex: 'Last log index',
  lastApplied: 'Applied index',
  members: 'Raft members',
  // Consul.
  status: 'Gossip status',
  datacenter: 'Datacenter',
  voter: 'Raft voter',
  raftLastIndex: 'Raft last index',
  // Nacos cluster members.
  state: 'State',
  lastRefresh: 'Last heartbeat',
} as const;
export type MemberMetricKey = keyof typeof MEMBER_METRIC_LABELS;

/** Whether a key from the core is one of the labelled member figures. */
export function isMemberMetricKey(key: string): key is MemberMetricKey {
  return hasLabel(MEMBER_METRIC_LABELS, key);
}

/** A member's figure labelled from its key; a value in words is text and carries its word. */
export function memberMetric(
  key: MemberMetricKey,
  value: number | string | Worded,
  unit: MemberMetric['unit'] = 'count',
): MemberMetric {
  const label = MEMBER_METRIC_LABELS[key];
  return typeof value === 'object' ? { key, label, ...value, unit: 'text' } : { key, label, value, unit };
}
