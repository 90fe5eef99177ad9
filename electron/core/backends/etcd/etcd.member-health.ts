import type { IStatusResponse } from 'etcd3';
import type { MemberMetric, ServerMember } from '../../../../shared/model/diagnostics.js';
import { inWords } from '../../../../shared/labels/core-words.js';
import { memberMetric } from '../../../../shared/labels/member-metrics.js';
import { memberIdHex, type EtcdMember } from './etcd.members.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** Applied raft entries a member may trail the most advanced one by before it is flagged as lagging. */
export const APPLIED_LAG_LIMIT = 1000;

/** What one member answered (or why it did not). */
export type MemberAnswer =
  { member: EtcdMember; status: IStatusResponse } | { member: EtcdMember; error: string };

const count = (n: number): string => n.toLocaleString('en-US');

function nameOf(member: EtcdMember): string {
  return member.name || member.clientUrl || member.id || 'unnamed member';
}

function metrics(status: IStatusResponse): MemberMetric[] {
  return [
    memberMetric('raftTerm', Number(status.raftTerm)),
    memberMetric('raftIndex', Number(status.raftIndex)),
    memberMetric('raftAppliedIndex', Number(status.raftAppliedIndex)),
    memberMetric('dbSize', Number(status.dbSize), 'bytes'),
    memberMetric('dbSizeInUse', Number(status.dbSizeInUse), 'bytes'),
    memberMetric('leader', status.leader === '0' ? inWords('none') : memberIdHex(status.leader), 'text'),
  ];
}

/** A member's line in the servers view: its role from its own status, its errors, or why it did not answer. */
export function serverMember(answer: MemberAnswer): ServerMember {
  const { member } = answer;
  const base = {
    id: member.id ?? member.clientUrl ?? nameOf(member),
    name: nameOf(member),
    address: member.clientUrl ?? '',
  };
  if ('error' in answer) {
    return {
      ...base,
      role: member.isLearner ? 'observer' : 'unknown',
      up: false,
      error: answer.error,
      version: null,
      metrics: [],
    };
  }
  const { status } = answer;
  const self = status.header.member_id;
  const errors = [...status.errors];
  if (status.leader === '0') errors.push(say(ETCD_SENTENCES, 'memberKnowsNoLeader'));
  return {
    ...base,
    id: member.id ?? memberIdHex(self),
    role: status.isLearner ? 'observer' : status.leader === self ? 'leader' : 'follower',
    up: true,
    error:
      errors.length === 0
        ? null
        : say(ETCD_SENTENCES, 'memberReports', { member: nameOf(member), errors: errors.join('; ') }),
    version: status.version || null,
    metrics: metrics(status),
  };
}

/** The members that follow one leader (`m1 and m2 follow 1`), English joining the names with "and". */
function leaderSide(names: readonly string[], leader: string): string {
  if (names.length === 1) return say(ETCD_SENTENCES, 'leaderSideOne', { member: names[0]!, leader });
  const members = names.slice(0, -1).join(' and ');
  return say(ETCD_SENTENCES, 'leaderSideMany', { members, last: names[names.length - 1]!, leader });
}

/**
 * Where the members that answered disagree, one sentence each: on who leads, and a member whose applied raft
 * index trails the most advanced by more than APPLIED_LAG_LIMIT entries (it serves stale reads), or that has
 * committed more entries than it applied by as much.
 */
export function disagreements(answers: MemberAnswer[]): string[] {
  const up = answers.flatMap((a) => ('status' in a ? [{ name: nameOf(a.member), status: a.status }] : []));
  const found: string[] = [];
  const leaders = new Map<string, string[]>();
  for (const { name, status } of up) {
    if (status.leader === '0') continue;
    leaders.set(status.leader, [...(leaders.get(status.leader) ?? []), name]);
  }
  if (leaders.size > 1) {
    const sides = [...leaders].map(([leader, names]) => leaderSide(names, memberIdHex(leader)));
    found.push(say(ETCD_SENTENCES, 'leaderSplit', { sides: sides.join(', ') }));
  }
  const ahead = up.reduce<(typeof up)[number] | null>(
    (best, m) =>
      best === null || Number(m.status.raftAppliedIndex) > Number(best.status.raftAppliedIndex) ? m : best,
    null,
  );
  for (const { name, status } of up) {
    const applied = Number(status.raftAppliedIndex);
    const lag = ahead === null ? 0 : Number(ahead.status.raftAppliedIndex) - applied;
    if (lag > APPLIED_LAG_LIMIT) {
      found.push(
        say(ETCD_SENTENCES, 'memberTrails', {
          member: name,
          ahead: ahead!.name,
          lag: count(lag),
          applied: count(applied),
          aheadApplied: count(applied + lag),
        }),
      );
    }
    const unapplied = Number(status.raftIndex) - applied;
    if (unapplied > APPLIED_LAG_LIMIT) {
      found.push(say(ETCD_SENTENCES, 'memberUnapplied', { member: name, unapplied: count(unapplied) }));
    }
  }
  return found;
}
