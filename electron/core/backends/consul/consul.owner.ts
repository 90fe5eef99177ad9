import { AppError, isAppError } from '../../../../shared/errors.js';
import type { DiagnosticNote, OwnerReport } from '../../../../shared/model/diagnostics.js';
import { inWords } from '../../../../shared/labels/core-words.js';
import { ownerFact } from '../../../../shared/labels/owner-facts.js';
import type { OwnerApi } from '../backend.js';
import { CatalogNodeDetailWireSchema } from './consul.cluster.schemas.js';
import type { ConsulHttp } from './consul.http.js';
import { readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { resolvePath } from './consul.paths.js';
import { parseJson } from './consul.schemas.js';
import { readSession, type ConsulSessionInfo } from './consul.sessions.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

const SESSION_READ: DiagnosticNote = {
  message: say(CONSUL_SENTENCES, 'sessionUnreadable'),
  fix: 'session_prefix "" { policy = "read" }',
};

/** The catalog address of a node; null when it is not registered or the token may not read it. */
async function nodeAddress(http: ConsulHttp, node: string): Promise<string | null> {
  const what = `Reading node ${node}`;
  try {
    const response = await http.request({ what, path: `/v1/catalog/node/${encodeURIComponent(node)}` });
    return parseJson(response, CatalogNodeDetailWireSchema, what)?.Node?.Address ?? null;
  } catch (error) {
    if (isAppError(error) && (error.code === 'PERMISSION_DENIED' || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}

async function sessionOrDenied(http: ConsulHttp, id: string): Promise<ConsulSessionInfo | null | 'denied'> {
  try {
    const session = await readSession(http, id);
    return session === 'hidden' ? 'denied' : session;
  } catch (error) {
    if (isAppError(error) && error.code === 'PERMISSION_DENIED') return 'denied';
    throw error;
  }
}

function sessionFacts(session: ConsulSessionInfo): OwnerReport['facts'] {
  return [
    ownerFact('sessionName', session.name || inWords('unnamed')),
    ownerFact('node', session.node),
    ownerFact('checks', session.checks.length > 0 ? session.checks.join(', ') : inWords('none')),
    ownerFact('ttl', session.ttl || inWords('none')),
    ownerFact('behavior', session.behavior),
    ...(session.lockDelayMs === null
      ? []
      : [ownerFact('lockDelay', inWords('milliseconds', { n: session.lockDelayMs }))]),
  ];
}

/** Who owns a Consul key: the session holding its lock, that session's node and address, checks and TTL. */
export class ConsulOwners implements OwnerApi {
  constructor(private readonly ctx: KvContext) {}

  async query(path: string): Promise<OwnerReport> {
    const node = resolvePath(path);
    const what = `Reading the lock of ${path}`;
    const entry = valueEntry(await readKeys(this.ctx.http, node, what));
    const unowned = (message: string): OwnerReport => ({
      path,
      owned: false,
      sessionId: null,
      clients: [],
      facts: [],
      notes: [{ message, fix: null }],
    });
    if (entry === null) {
      if (node.isRoot) return unowned(say(CONSUL_SENTENCES, 'rootNotLockable'));
      const listed = await this.ctx.levels.get(node.folderKey, 0, what);
      if (listed.entries.length === 0) throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
      return unowned(say(CONSUL_SENTENCES, 'folderNotLockable', { path }));
    }
    const facts = [ownerFact('key', entry.Key), ownerFact('lockIndex', entry.LockIndex)];
    if (!entry.Session) {
      const history =
        entry.LockIndex === '0'
          ? say(CONSUL_SENTENCES, 'neverLocked')
          : say(CONSUL_SENTENCES, 'lockedBefore', { count: Number(entry.LockIndex) });
      return { ...unowned(say(CONSUL_SENTENCES, 'keyNotLocked', { key: entry.Key, history })), facts };
    }
    const session = await sessionOrDenied(this.ctx.http, entry.Session);
    const report: OwnerReport = {
      path,
      owned: true,
      sessionId: entry.Session,
      clients: [],
      facts,
      notes: [],
    };
    if (session === 'denied') return { ...report, notes: [SESSION_READ] };
    if (session === null) {
      return {
        ...report,
        notes: [
          {
            message: say(CONSUL_SENTENCES, 'lockOfGoneSession', { session: entry.Session }),
            fix: null,
          },
        ],
      };
    }
    const address = session.node ? await nodeAddress(this.ctx.http, session.node) : null;
    return {
      ...report,
      clients: [{ address: address ?? session.node, member: session.node || null }],
      facts: [...sessionFacts(session), ...facts],
      notes:
        address === null
          ? [
              {
                message: say(CONSUL_SENTENCES, 'sessionNodeNotInCatalog', { node: session.node }),
                fix: null,
              },
            ]
          : [],
    };
  }
}
