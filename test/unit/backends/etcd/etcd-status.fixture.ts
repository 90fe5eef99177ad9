import type { IStatusResponse } from 'etcd3';
import type { MemberAnswer } from '../../../../electron/core/backends/etcd/etcd.member-health.js';
import type { EtcdMember } from '../../../../electron/core/backends/etcd/etcd.members.js';

// etcd members and their statuses as the cluster hands them over, for the tests of what the backend
// makes of them.

export const member = (name: string, id: string): EtcdMember => ({
  id: BigInt(id).toString(16),
  name,
  clientUrl: `http://127.0.0.1:${2379 + Number(id)}`,
  isLearner: false,
});

/** A status as a member gives it of itself (ids in decimal, as etcd3 hands them over). */
export function status(id: string, leader: string, applied: number, committed = applied): IStatusResponse {
  return {
    header: { cluster_id: '1', member_id: id, revision: '10', raft_term: '2' },
    version: '3.4.23',
    dbSize: '20480',
    dbSizeInUse: '16384',
    leader,
    raftIndex: String(committed),
    raftTerm: '2',
    raftAppliedIndex: String(applied),
    errors: [],
    isLearner: false,
  };
}

export const up = (name: string, id: string, s: IStatusResponse): MemberAnswer => ({
  member: member(name, id),
  status: s,
});
