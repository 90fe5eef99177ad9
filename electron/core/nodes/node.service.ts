import type { MethodOutput, MethodParsedInput } from '../../../shared/contract/methods.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { NodeValue } from '../../../shared/model/node.js';
import { AppError } from '../../../shared/errors.js';
import type { BackendSession } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { MutationAuditor } from './mutation.auditor.js';

/** Values above this open read-only and truncated unless the caller asks for everything. */
export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;

/** Reads and writes nodes; the one place that enforces read-only connections and audits every write. */
export class NodeService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
  ) {}

  async children(input: MethodParsedInput<'tree.children'>): Promise<MethodOutput<'tree.children'>> {
    const session = await this.connections.session(input.connectionId);
    return session.listChildren(input.path, {
      cursor: input.cursor ?? null,
      limit: input.limit,
      filter: input.filter && input.filter.length > 0 ? input.filter : null,
    });
  }

  async get(input: MethodParsedInput<'node.get'>): Promise<NodeValue> {
    const session = await this.connections.session(input.connectionId);
    return session.get(input.path, { maxBytes: input.maxBytes ?? DEFAULT_MAX_VALUE_BYTES });
  }

  async countSubtree(input: MethodParsedInput<'node.countSubtree'>): Promise<{ count: number }> {
    const session = await this.connections.session(input.connectionId);
    return { count: await session.countSubtree(input.path) };
  }

  /** Saves with CAS; `details` adds facts to the audit entry (a rollback names the version it restores). */
  async set(
    input: MethodParsedInput<'node.set'>,
    details?: Record<string, string | number | boolean>,
  ): Promise<NodeValue> {
    const { profile, session } = await this.writable(input.connectionId);
    const value = Buffer.from(input.valueBase64, 'base64');
    const before = await this.currentValue(session, input.path);
    return this.auditor.run(
      { profile, operation: 'set', path: input.path, before, after: value, ...(details ? { details } : {}) },
      async () => {
        return this.requireWritable(profile, session).set(input.path, value, input.token);
      },
    );
  }

  async create(input: MethodParsedInput<'node.create'>): Promise<{ path: string }> {
    const { profile, session } = await this.writable(input.connectionId);
    const value = Buffer.from(input.valueBase64, 'base64');
    const mode = input.mode;
    const details = {
      ephemeral: mode.ephemeral,
      sequential: mode.sequential,
      container: mode.container,
      ...(mode.ttlMs !== undefined ? { ttlMs: mode.ttlMs } : {}),
      ...(mode.leaseTtlSec !== undefined ? { leaseTtlSec: mode.leaseTtlSec } : {}),
    };
    return this.auditor.run(
      { profile, operation: 'create', path: input.path, before: null, after: value, details },
      async () => {
        return this.requireWritable(profile, session).create(input.path, value, mode);
      },
      (created) => ({ path: created.path }),
    );
  }

  async delete(input: MethodParsedInput<'node.delete'>): Promise<{ deleted: number }> {
    const { profile, session } = await this.writable(input.connectionId);
    const before = await this.currentValue(session, input.path);
    const facts = { profile, operation: 'delete' as const, path: input.path, before, after: null };
    return this.auditor.run(
      { ...facts, details: { recursive: input.recursive } },
      async () => {
        const live = this.requireWritable(profile, session);
        if (profile.environment === 'prod' && input.confirmation !== input.path) {
          throw new AppError(
            'INVALID_INPUT',
            'Deleting on a prod connection needs the path typed again as confirmation.',
          );
        }
        return live.delete(input.path, { recursive: input.recursive, token: input.token ?? null });
      },
      (result) => ({ details: { recursive: input.recursive, deleted: result.deleted } }),
    );
  }

  /** The profile and, unless it is read-only, its session: a refused write never opens a session. */
  private async writable(
    connectionId: string,
  ): Promise<{ profile: ConnectionProfile; session: BackendSession | null }> {
    const profile = await this.connections.profile(connectionId);
    return { profile, session: profile.readOnly ? null : await this.connections.session(connectionId) };
  }

  private requireWritable(profile: ConnectionProfile, session: BackendSession | null): BackendSession {
    if (profile.readOnly || session === null) {
      throw new AppError('READ_ONLY', `The connection "${profile.name}" is read-only: nothing was written.`);
    }
    return session;
  }

  /** The whole current value for the audit trail; null when the node does not exist or cannot be read. */
  private async currentValue(session: BackendSession | null, path: string): Promise<Buffer | null> {
    if (session === null) return null;
    try {
      const current = await session.get(path, { maxBytes: 0 });
      return current.hasValue ? Buffer.from(current.valueBase64, 'base64') : null;
    } catch {
      return null;
    }
  }
}
