import type { MethodOutput, MethodParsedInput } from '../../../shared/contract/methods.js';
import type { AuditDetails } from '../../../shared/model/audit.js';
import { DEFAULT_MAX_VALUE_BYTES, type NodeValue } from '../../../shared/model/node.js';
import { createModeProblem } from '../../../shared/model/create-mode.rules.js';
import { AppError } from '../../../shared/errors.js';
import { capabilitiesOf } from '../backends/capabilities.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from './mutation.auditor.js';

type NodeWrite = { connectionId: string; path: string; valueBase64?: string };

/**
 * Reads and writes nodes. Writes arrive with the write gate's permit (read-only and prod confirmation
 * already checked) and are audited here, each with the value it replaced as the store reported it.
 */
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

  /** What a node write would change, for the write gate; reads the profile only, never the store. */
  async target(input: NodeWrite, details?: AuditDetails): Promise<WriteTarget> {
    return {
      profile: await this.connections.profile(input.connectionId),
      path: input.path,
      after: () => (input.valueBase64 === undefined ? null : Buffer.from(input.valueBase64, 'base64')),
      ...(details ? { details } : {}),
    };
  }

  /** Saves with CAS; `details` adds facts to the audit entry (a rollback names the version it restores). */
  async set(
    input: MethodParsedInput<'node.set'>,
    permit: WritePermit,
    details?: AuditDetails,
  ): Promise<NodeValue> {
    const session = await this.connections.session(input.connectionId);
    const value = Buffer.from(input.valueBase64, 'base64');
    const written = await this.auditor.run(
      { profile: permit.profile, operation: 'set', path: input.path, before: null, after: value, details },
      () => session.set(input.path, value, input.token),
      (result) => ({ before: result.before }),
    );
    return written.node;
  }

  /** Creates a node in a mode the session's capabilities allow (any other is refused here, for every store). */
  async create(
    input: MethodParsedInput<'node.create'>,
    permit: WritePermit,
    extra?: AuditDetails,
  ): Promise<{ path: string }> {
    const session = await this.connections.session(input.connectionId);
    const value = Buffer.from(input.valueBase64, 'base64');
    const mode = input.mode;
    const details = {
      ephemeral: mode.ephemeral,
      sequential: mode.sequential,
      container: mode.container,
      ...(mode.ttlMs !== undefined ? { ttlMs: mode.ttlMs } : {}),
      ...(mode.leaseTtlSec !== undefined ? { leaseTtlSec: mode.leaseTtlSec } : {}),
      ...extra,
    };
    return this.auditor.run(
      { profile: permit.profile, operation: 'create', path: input.path, before: null, after: value, details },
      async () => {
        const problem = createModeProblem(mode, capabilitiesOf(session));
        if (problem !== null) throw new AppError(problem.code, problem.message);
        return session.create(input.path, value, mode);
      },
      (created) => ({ path: created.path }),
    );
  }

  /** Deletes; `extra` adds facts to the audit entry (a revert names the entry it reverts). */
  async delete(
    input: MethodParsedInput<'node.delete'>,
    permit: WritePermit,
    extra?: AuditDetails,
  ): Promise<{ deleted: number }> {
    const session = await this.connections.session(input.connectionId);
    const removed = await this.auditor.run(
      {
        profile: permit.profile,
        operation: 'delete',
        path: input.path,
        before: null,
        after: null,
        details: { recursive: input.recursive, ...extra },
      },
      () => session.delete(input.path, { recursive: input.recursive, token: input.token ?? null }),
      (result) => ({
        before: result.before,
        details: { recursive: input.recursive, deleted: result.deleted, ...extra },
      }),
    );
    return { deleted: removed.deleted };
  }
}
