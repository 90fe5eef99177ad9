import { AppError, isAppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { HistoryReport, HistoryVersion } from '../../../shared/model/history.js';
import type { NodeValue } from '../../../shared/model/node.js';
import type { AuditDetails } from '../../../shared/model/audit.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { BackendSession } from '../backends/backend.js';
import type { AuditStore } from '../audit/audit.store.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { NodeService } from '../nodes/node.service.js';
import type { StreamRegistry } from '../watch/stream.registry.js';
import { auditSha256 } from './audit-value.js';
import { auditVersion, changedTheNode, withoutValue } from './history.audit.js';
import { mergeVersions, type Sourced } from './history.merge.js';
import { watchId, watchVersion } from './history.watch.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

const SERVER = 'server:';

/** An open store whose node history is asked for. */
export interface HistoryStore {
  profile: ConnectionProfile;
  session: BackendSession;
}
const AUDIT = 'audit:';
const WATCH = 'watch:';

/**
 * The versions of a node for every store: the server's own history where it keeps one (etcd revisions, Nacos
 * config history); elsewhere (ZooKeeper, Consul) this machine's audit entries of the node and what Watch tab
 * streams recorded. A restore is an ordinary audited write of a version's value with the token read.
 */
export class HistoryService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly nodes: NodeService,
    private readonly audit: AuditStore,
    private readonly streams: StreamRegistry,
  ) {}

  /** The node's versions, newest first, at most `limit`, with what the list is made of. */
  async list(connectionId: string, path: string, limit: number): Promise<HistoryReport> {
    const [session, profile] = await Promise.all([
      this.connections.session(connectionId),
      this.connections.profile(connectionId),
    ]);
    return this.listOf({ profile, session }, path, limit);
  }

  /** The same for an open store that may not be a saved connection (a CLI source given as a URL). */
  async listOf(store: HistoryStore, path: string, limit: number): Promise<HistoryReport> {
    const { profile, session } = store;
    if (session.history) {
      const server = await session.history.list(path, limit);
      const entries = server.entries.map((entry) => ({ ...entry, id: `${SERVER}${entry.id}` }));
      return { entries, serverKeeps: true, notes: server.notes };
    }
    const connectionId = profile.id;
    const page = await this.audit.list({ connectionId, path, outcome: 'ok', limit });
    const audited: Sourced[] = page.entries.filter(changedTheNode).map((entry) => ({
      version: auditVersion(entry),
      sha256: entry.operation === 'delete' || entry.after === null ? null : auditSha256(entry.after),
    }));
    const watched: Sourced[] = this.streams.nodeEvents(connectionId, path, limit).map((recorded) => ({
      version: watchVersion(recorded),
      sha256: recorded.event.type === 'deleted' ? null : (recorded.event.after?.sha256 ?? null),
    }));
    const label = KIND_DESCRIPTORS[profile.kind].label;
    const notes = [say(AUDIT_SENTENCES, 'historyNoServerHistory', { kind: label })];
    const entries = mergeVersions(audited, watched).map(withoutValue);
    if (entries.length > limit) notes.push(say(AUDIT_SENTENCES, 'historyNewestOnly', { limit }));
    return { entries: entries.slice(0, limit), serverKeeps: false, notes };
  }

  /** One version with its value (an id from `list`). */
  async get(connectionId: string, path: string, id: string): Promise<HistoryVersion> {
    if (id.startsWith(SERVER)) {
      const session = await this.connections.session(connectionId);
      if (!session.history) {
        const profile = await this.connections.profile(connectionId);
        throw new AppError(
          'NOT_FOUND',
          `The server of "${profile.name}" keeps no history, so ${id} is unknown.`,
        );
      }
      const version = await session.history.get(path, id.slice(SERVER.length));
      return { ...version, id };
    }
    if (id.startsWith(AUDIT)) return this.auditVersion(connectionId, path, id);
    if (id.startsWith(WATCH)) return this.watchVersion(connectionId, path, id);
    throw new AppError('INVALID_INPUT', `"${id}" is not a version id (server:…, audit:… or watch:…).`);
  }

  /**
   * Writes a version's value again through the audited save with the token read (CONFLICT when the node moved
   * since); a node deleted since (token null) is created again.
   */
  async restore(
    connectionId: string,
    path: string,
    id: string,
    token: string | null,
    permit: WritePermit,
  ): Promise<NodeValue> {
    const version = await this.get(connectionId, path, id);
    if (version.valueBase64 === null || !version.restorable) {
      throw new AppError(
        'INVALID_INPUT',
        `The version ${id} of ${path} holds no value to restore${version.note ? `: ${version.note}` : '.'}`,
      );
    }
    const details = { restoreOf: id };
    const valueBase64 = version.valueBase64;
    if (token === null) {
      const now = await this.current(connectionId, path);
      if (now === null || now.token !== null)
        return this.createAgain(connectionId, path, valueBase64, permit, details);
    }
    return this.nodes.set({ connectionId, path, valueBase64, token }, permit, details);
  }

  /**
   * Creates a node read as absent again. When it exists again meanwhile the store refuses the create (audited,
   * like every write), and the refusal comes back as a CONFLICT carrying the node as it is now.
   */
  private async createAgain(
    connectionId: string,
    path: string,
    valueBase64: string,
    permit: WritePermit,
    details: AuditDetails,
  ): Promise<NodeValue> {
    const mode = { ephemeral: false, sequential: false, container: false };
    try {
      await this.nodes.create({ connectionId, path, valueBase64, mode }, permit, details);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'NODE_EXISTS') throw error;
      const now = await this.current(connectionId, path);
      throw new AppError('CONFLICT', `${path} was created again since it was read; nothing was written.`, {
        currentValueBase64: now?.valueBase64 ?? null,
        currentToken: now?.token ?? null,
      });
    }
    return this.nodes.get({ connectionId, path, maxBytes: 0 });
  }

  /** The node now, or null when it does not exist. */
  private async current(connectionId: string, path: string): Promise<NodeValue | null> {
    try {
      const node = await this.nodes.get({ connectionId, path, maxBytes: 0 });
      return !node.hasValue && node.token === null && (node.childCount ?? 0) === 0 ? null : node;
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async auditVersion(connectionId: string, path: string, id: string): Promise<HistoryVersion> {
    const seq = Number(id.slice(AUDIT.length));
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw new AppError('INVALID_INPUT', `"${id}" names no audit entry.`);
    const entry = await this.audit.entry(seq);
    if (entry.connection.id !== connectionId || entry.path !== path || !changedTheNode(entry))
      throw new AppError('NOT_FOUND', `Audit entry ${seq} is not a change of ${path} on this connection.`);
    return auditVersion(entry);
  }

  private watchVersion(connectionId: string, path: string, id: string): HistoryVersion {
    const recorded = this.streams
      .nodeEvents(connectionId, path, Number.MAX_SAFE_INTEGER)
      .find((event) => watchId(event) === id);
    if (recorded === undefined)
      throw new AppError(
        'NOT_FOUND',
        `The Watch tab no longer holds ${id} (its stream was removed or its ring moved on).`,
      );
    return watchVersion(recorded);
  }
}
