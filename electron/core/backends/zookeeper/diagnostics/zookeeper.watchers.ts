import type {
  DiagnosticNote,
  QueryCost,
  Watcher,
  WatchersReport,
} from '../../../../../shared/model/diagnostics.js';
import type { WatchersApi } from '../../backend.js';
import { assertZnodePath } from '../zookeeper.paths.js';
import { CHILD_WATCHES_NOTE, REPORT_TIMEOUT_MS } from './zookeeper.diagnostics.js';
import { EnsembleView, answerNotes, type MemberFacts } from './zookeeper.ensemble-view.js';
import type { ClientConnection, SessionsByPath, WatchSummary } from './zookeeper.facts.js';
import type { EnsembleMember } from './zookeeper.members.js';
import { sentence } from './zookeeper.sentences.js';
import { ancestorsOf, toClientPath, toServerPath } from './zookeeper.server-paths.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** wchp walks every watch of a member: allowed longer than the cheap words. */
const WCHP_TIMEOUT_MS = 10_000;

/** Notes for members that did not answer, other than refusals (which carry their own fix). */
function missingNotes(
  facts: MemberFacts<unknown>,
  said: 'wchsMissing' | 'wchpMissing' | 'consMissing',
): DiagnosticNote[] {
  return facts.flatMap(({ member, fact }) =>
    fact.ok || fact.refused
      ? []
      : [
          {
            message: say(ZOOKEEPER_SENTENCES, said, { member: member.name, reason: sentence(fact.reason) }),
            fix: null,
          },
        ],
  );
}

/** The cost shown before wchp runs: the total watch count of every member (wchs). */
export function watchCost(facts: MemberFacts<WatchSummary>): QueryCost {
  const answered = facts.flatMap(({ fact }) => (fact.ok ? [fact.value.watches] : []));
  if (answered.length === 0) {
    return {
      message: say(ZOOKEEPER_SENTENCES, 'noWatchCount'),
      watches: null,
    };
  }
  const total = answered.reduce((sum, n) => sum + n, 0);
  return {
    message: say(ZOOKEEPER_SENTENCES, 'watchCost', {
      count: answered.length,
      watches: say(ZOOKEEPER_SENTENCES, 'watchCount', { count: total }),
    }),
    watches: total,
  };
}

/** The client of a session: the member's own cons first (watches live where the session is connected). */
function clientOf(
  sessionId: string,
  member: EnsembleMember,
  cons: MemberFacts<ClientConnection[]>,
): { client: string | null; member: string } {
  const own = cons.find((c) => c.member.id === member.id);
  const here = own?.fact.ok ? own.fact.value.find((c) => c.sessionId === sessionId) : undefined;
  if (here !== undefined) return { client: here.client, member: member.id };
  for (const { member: other, fact } of cons) {
    const found = fact.ok ? fact.value.find((c) => c.sessionId === sessionId) : undefined;
    if (found !== undefined) return { client: found.client, member: other.id };
  }
  return { client: null, member: member.id };
}

/** A watcher's detail with one more sentence after it, as a sentence the UI reads back whole. */
function withSentence(
  before: string | null,
  alone: 'sessionNotConnected' | 'thisSession',
  after: 'sessionNotConnectedAfter' | 'thisSessionAfter',
): string {
  return before === null ? say(ZOOKEEPER_SENTENCES, alone) : say(ZOOKEEPER_SENTENCES, after, { before });
}

interface Query {
  path: string;
  serverPath: string;
  chroot: string | null;
  own: string | null;
}

function watchersOn(
  q: Query,
  member: EnsembleMember,
  byPath: SessionsByPath,
  cons: MemberFacts<ClientConnection[]>,
): Watcher[] {
  const watched = [q.serverPath, ...ancestorsOf(q.serverPath)];
  return watched.flatMap((serverPath) =>
    (byPath.get(serverPath) ?? []).map((sessionId): Watcher => {
      const where = clientOf(sessionId, member, cons);
      const watchedPath = toClientPath(serverPath, q.chroot);
      const exact = serverPath === q.serverPath;
      let detail = exact
        ? null
        : say(ZOOKEEPER_SENTENCES, 'ancestorWatch', { watched: watchedPath, path: q.path });
      if (where.client === null)
        detail = withSentence(detail, 'sessionNotConnected', 'sessionNotConnectedAfter');
      if (sessionId === q.own) detail = withSentence(detail, 'thisSession', 'thisSessionAfter');
      return {
        sessionId,
        client: where.client,
        member: where.member,
        kind: exact ? 'data' : 'recursive',
        watchedPath,
        holds: null,
        current: null,
        detail,
      };
    }),
  );
}

/** watchers.query(): unconfirmed, the cost (wchs of every member); confirmed, wchp joined with cons. */
export function zooKeeperWatchers(view: EnsembleView): WatchersApi {
  return {
    async query(path: string, confirmed: boolean): Promise<WatchersReport> {
      assertZnodePath(path);
      const { members } = await view.members();
      if (!confirmed) {
        const wchs = await EnsembleView.askAll(members, (m) => m.probe.watchSummary(REPORT_TIMEOUT_MS));
        return {
          path,
          available: true,
          reason: null,
          cost: watchCost(wchs),
          watchers: [],
          notes: [...answerNotes(wchs), ...missingNotes(wchs, 'wchsMissing')],
        };
      }
      const [wchp, cons] = await Promise.all([
        EnsembleView.askAll(members, (m) => m.probe.watchesByPath(WCHP_TIMEOUT_MS)),
        EnsembleView.askAll(members, (m) => m.probe.connections(REPORT_TIMEOUT_MS)),
      ]);
      const q: Query = {
        path,
        serverPath: toServerPath(path, view.target.chroot),
        chroot: view.target.chroot,
        own: view.target.ownSessionId(),
      };
      const notes = [
        ...answerNotes([...wchp, ...cons]),
        ...missingNotes(wchp, 'wchpMissing'),
        ...missingNotes(cons, 'consMissing'),
      ];
      if (!wchp.some((w) => w.fact.ok)) {
        const first = wchp.find((w) => !w.fact.ok)?.fact;
        const why =
          first === undefined || first.ok ? say(ZOOKEEPER_SENTENCES, 'noMemberKnown') : first.reason;
        return {
          path,
          available: false,
          reason: say(ZOOKEEPER_SENTENCES, 'noMemberListed', { reason: sentence(why) }),
          cost: null,
          watchers: [],
          notes,
        };
      }
      const watchers = wchp.flatMap(({ member, fact }) =>
        fact.ok ? watchersOn(q, member, fact.value, cons) : [],
      );
      if (watchers.length === 0) {
        notes.push({
          message: say(ZOOKEEPER_SENTENCES, 'noWatchOn', { path }),
          fix: null,
        });
      }
      notes.push(CHILD_WATCHES_NOTE);
      return { path, available: true, reason: null, cost: null, watchers, notes };
    },
  };
}
