import { AppError } from '../../../../../shared/errors.js';
import { inWords } from '../../../../../shared/labels/core-words.js';
import { ownerFact } from '../../../../../shared/labels/owner-facts.js';
import type { DiagnosticNote, OwnerFact, OwnerReport } from '../../../../../shared/model/diagnostics.js';
import type { OwnerApi } from '../../backend.js';
import type { ZkStat } from '../client/index.js';
import { assertZnodePath } from '../zookeeper.paths.js';
import { REPORT_TIMEOUT_MS } from './zookeeper.diagnostics.js';
import { EnsembleView, answerNotes } from './zookeeper.ensemble-view.js';
import { hexSessionId, type ClientConnection } from './zookeeper.facts.js';
import { HEALTH_TIMEOUT_MS } from './zookeeper.servers.js';
import { sentence } from './zookeeper.sentences.js';
import { toClientPath, toServerPath } from './zookeeper.server-paths.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** A container node's ephemeralOwner (Long.MIN_VALUE); TTL nodes have the top byte 0xFF. */
const CONTAINER_OWNER = -(2n ** 63n);
/** Paths of the owning session listed at most. */
const MAX_PATHS = 20;

function unowned(path: string, message: string): OwnerReport {
  return { path, owned: false, sessionId: null, clients: [], facts: [], notes: [{ message, fix: null }] };
}

function connectionFacts(c: ClientConnection, member: string): OwnerFact[] {
  const facts = [ownerFact('connectedTo', member)];
  if (c.established !== null) facts.push(ownerFact('connectedSince', new Date(c.established).toISOString()));
  if (c.timeoutMs !== null)
    facts.push(ownerFact('sessionTimeout', inWords('milliseconds', { n: c.timeoutMs })));
  if (c.lastOperation !== null) facts.push(ownerFact('lastOperation', c.lastOperation));
  return facts;
}

/**
 * owners.query(): the node's ephemeralOwner, the client address of that session from `cons` of every
 * member, and the session's ephemeral nodes from `dump` of the leader (or the standalone server).
 */
export function zooKeeperOwners(
  view: EnsembleView,
  stat: (path: string) => Promise<ZkStat | null>,
): OwnerApi {
  return {
    async query(path: string): Promise<OwnerReport> {
      assertZnodePath(path);
      const found = await stat(path);
      if (found === null) throw new AppError('NOT_FOUND', `${path} does not exist.`);
      const owner = found.ephemeralOwner;
      if (owner === 0n) return unowned(path, say(ZOOKEEPER_SENTENCES, 'persistentNode', { path }));
      if (owner === CONTAINER_OWNER)
        return unowned(path, say(ZOOKEEPER_SENTENCES, 'containerNode', { path }));
      if (owner < 0n) return unowned(path, say(ZOOKEEPER_SENTENCES, 'ttlNode', { path }));
      const sessionId = hexSessionId(owner);
      const { members } = await view.members();
      const [cons, stats] = await Promise.all([
        EnsembleView.askAll(members, (m) => m.probe.connections(REPORT_TIMEOUT_MS)),
        EnsembleView.askAll(members, (m) => m.probe.stats(HEALTH_TIMEOUT_MS)),
      ]);
      const clients: OwnerReport['clients'] = [];
      const facts: OwnerReport['facts'] = [];
      for (const { member, fact } of cons) {
        for (const c of fact.ok ? fact.value.filter((x) => x.sessionId === sessionId) : []) {
          clients.push({ address: c.client, member: member.id });
          facts.push(...connectionFacts(c, member.id));
        }
      }
      const notes: DiagnosticNote[] = [];
      if (sessionId === view.target.ownSessionId())
        notes.push({ message: say(ZOOKEEPER_SENTENCES, 'ownedByThisSession'), fix: null });
      if (clients.length === 0) {
        notes.push({
          message: say(ZOOKEEPER_SENTENCES, 'ownerNotConnected', { session: sessionId, path }),
          fix: null,
        });
      }
      const leader =
        stats.find(
          (s) => s.fact.ok && (s.fact.value.mode === 'leader' || s.fact.value.mode === 'standalone'),
        ) ?? stats.find((s) => s.fact.ok);
      const dump = leader === undefined ? null : await leader.member.probe.ephemerals(REPORT_TIMEOUT_MS);
      if (dump?.ok === true) {
        const paths = (dump.value.get(sessionId) ?? []).map((p) => toClientPath(p, view.target.chroot));
        const shown = { count: paths.length, paths: paths.slice(0, MAX_PATHS).join(', ') };
        const more = paths.length - MAX_PATHS;
        facts.push(
          ownerFact(
            'sessionEphemerals',
            more > 0 ? inWords('ephemeralPathsMore', { ...shown, more }) : inWords('ephemeralPaths', shown),
          ),
        );
      } else if (dump !== null && dump.ok === false && dump.note === null) {
        notes.push({
          message: say(ZOOKEEPER_SENTENCES, 'otherEphemeralsUnknown', { reason: sentence(dump.reason) }),
          fix: null,
        });
      }
      facts.push(ownerFact('createdZxid', `0x${found.czxid.toString(16)}`));
      if (toServerPath(path, view.target.chroot) !== path)
        facts.push(ownerFact('serverPath', toServerPath(path, view.target.chroot)));
      const refusals = answerNotes([...cons, ...(dump === null ? [] : [{ fact: dump }])]);
      return { path, owned: true, sessionId, clients, facts, notes: [...notes, ...refusals] };
    },
  };
}
