import type { DiagnosticNote, ServersReport } from '../../../../shared/model/diagnostics.js';
import type { ServersApi } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import { disagreements, serverMember, type MemberAnswer } from './etcd.member-health.js';
import type { EndpointMember, EtcdMember, EtcdMembers } from './etcd.members.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** Each step of a health check waits this long at most, so that the whole check answers within about 3 s. */
const STEP_TIMEOUT_MS = 1500;

async function answerOf(members: EtcdMembers, member: EtcdMember): Promise<MemberAnswer> {
  const url = member.clientUrl;
  const name = member.name || url || 'The member';
  if (url === null) {
    return {
      member,
      error:
        member.name === ''
          ? say(ETCD_SENTENCES, 'memberNotStartedUnnamed')
          : say(ETCD_SENTENCES, 'memberNotStarted', { member: member.name }),
    };
  }
  try {
    return { member, status: await members.status(url, STEP_TIMEOUT_MS, `${name} at ${url}`) };
  } catch (error) {
    return { member, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A member that did not answer at its advertised URL but did through an endpoint of the connection. */
function throughEndpoint(
  answer: MemberAnswer,
  behind: Map<string, EndpointMember>,
): { answer: MemberAnswer; note: DiagnosticNote | null } {
  const found = answer.member.id === null ? undefined : behind.get(answer.member.id);
  if (!('error' in answer) || found === undefined) return { answer, note: null };
  const { member } = answer;
  return {
    answer: { member: { ...member, clientUrl: found.url }, status: found.status },
    note: {
      message: say(ETCD_SENTENCES, 'memberThroughEndpoint', {
        member: member.name || (member.id ?? ''),
        clientUrl: String(member.clientUrl),
        endpoint: found.url,
      }),
      fix: null,
    },
  };
}

/**
 * The members of the cluster and the status each gives of itself from its own client URL (leader, raft
 * term and indexes, DB size and in use, version, errors), or through the connection's endpoint where its
 * advertised URL cannot be reached from here: one member list and one status per member, in parallel, each
 * bounded, so a member that stops answering shows as down within one poll.
 */
export class EtcdServers implements ServersApi {
  constructor(
    private readonly members: EtcdMembers,
    private readonly life: SessionLifecycle,
  ) {}

  health(): Promise<ServersReport> {
    return this.life.whileOpen(async () => {
      const list = await this.members.list(STEP_TIMEOUT_MS);
      const [direct, behind] = await Promise.all([
        Promise.all(list.members.map((m) => answerOf(this.members, m))),
        this.members.behindEndpoints(list.members, STEP_TIMEOUT_MS),
      ]);
      const resolved = direct.map((answer) => throughEndpoint(answer, behind));
      const answers = resolved.map((r) => r.answer);
      const notes = resolved.flatMap((r) => (r.note === null ? [] : [r.note]));
      if (list.stale !== null) notes.unshift({ message: list.stale, fix: null });
      return {
        members: answers.map(serverMember),
        checkedAt: Date.now(),
        disagreements: disagreements(answers),
        notes,
      };
    });
  }
}
