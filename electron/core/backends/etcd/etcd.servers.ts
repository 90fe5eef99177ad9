import type { ServersReport } from '../../../../shared/model/diagnostics.js';
import type { ServersApi } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import { disagreements, serverMember, type MemberAnswer } from './etcd.member-health.js';
import { within, type EtcdMember, type EtcdMembers } from './etcd.members.js';

/** Each step of a health check waits this long at most, so that the whole check answers within about 3 s. */
const STEP_TIMEOUT_MS = 1500;

async function answerOf(members: EtcdMembers, member: EtcdMember): Promise<MemberAnswer> {
  const url = member.clientUrl;
  const name = member.name || url || 'The member';
  if (url === null) {
    return {
      member,
      error: `${name} was added to the cluster but has not started yet (it has no client URL).`,
    };
  }
  try {
    const status = await within(STEP_TIMEOUT_MS, `${name} at ${url}`, () =>
      members.clientOf(url).maintenance.status({ deadline: Date.now() + STEP_TIMEOUT_MS }),
    );
    return { member, status };
  } catch (error) {
    return { member, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The members of the cluster and the status each gives of itself from its own client URL (leader, raft
 * term and indexes, DB size and in use, version, errors): one member list and one status per member, in
 * parallel, each bounded, so a member that stops answering shows as down within one poll.
 */
export class EtcdServers implements ServersApi {
  constructor(
    private readonly members: EtcdMembers,
    private readonly life: SessionLifecycle,
  ) {}

  health(): Promise<ServersReport> {
    return this.life.whileOpen(async () => {
      const list = await this.members.list(STEP_TIMEOUT_MS);
      const answers = await Promise.all(list.members.map((m) => answerOf(this.members, m)));
      const notes = list.stale === null ? [] : [{ message: list.stale, fix: null }];
      return {
        members: answers.map(serverMember),
        checkedAt: Date.now(),
        disagreements: disagreements(answers),
        notes,
      };
    });
  }
}
