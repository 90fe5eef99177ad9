import { AppError, isAppError } from '../../../shared/errors.js';
import type { AuditDetails, AuditOperation } from '../../../shared/model/audit.js';
import type { MutationAuditor, MutationFacts } from '../nodes/mutation.auditor.js';
import type { BatchWrite, BatchWriter } from '../backends/batch.js';
import { absolutePath, type SourceStore } from '../sources/source.js';

const PLAIN = { ephemeral: false, sequential: false, container: false } as const;

interface TargetNode {
  value: Buffer | null;
  token: string | null;
  childCount: number | null;
}

/** One write checked against the target and ready to go into a batch, with its audit facts. */
export interface PreparedWrite {
  write: BatchWrite;
  facts: MutationFacts;
}

/**
 * Writes of one sync to its target, each through the MutationAuditor (one audit entry per attempt, with
 * `details.syncId`), each conditional on the token the plan saw. The read-only check happens before any
 * writer exists (see sync.apply.ts).
 */
export class SyncWriter {
  constructor(
    private readonly target: SourceStore,
    private readonly root: string,
    private readonly auditor: MutationAuditor,
    private readonly syncId: string,
  ) {}

  /** Creates a key that did not exist; NODE_EXISTS (someone created it since the plan) is a conflict. */
  async create(path: string, value: Buffer): Promise<void> {
    const absolute = absolutePath(this.root, path);
    await this.audited('create', absolute, null, value, {}, async () => {
      try {
        await this.target.session.create(absolute, value, PLAIN);
      } catch (error) {
        if (isAppError(error) && error.code === 'NODE_EXISTS') {
          throw new AppError('CONFLICT', `${absolute} was created in the target since the plan was made.`);
        }
        throw error;
      }
    });
  }

  /**
   * Overwrites a value still at `token`; any other token is a conflict and nothing is written. The store's
   * own CAS checks the token and reports the value it replaced, so nothing is read first.
   */
  async update(path: string, value: Buffer, token: string | null): Promise<void> {
    const absolute = absolutePath(this.root, path);
    if (token === null) {
      // Without a planned token the store cannot guard the write: check the node is still tokenless first.
      const current = await this.node(absolute);
      await this.audited('set', absolute, current?.value ?? null, value, {}, async () => {
        if (current === null || current.token !== null) throw this.moved(absolute, current);
        await this.target.session.set(absolute, value, null);
      });
      return;
    }
    await this.auditor.run(
      this.facts('set', absolute, null, value),
      () =>
        this.target.session.set(absolute, value, token).catch((error: unknown) => {
          throw this.asMoved(absolute, error);
        }),
      (written) => ({ before: written.before }),
    );
  }

  /**
   * Deletes a key still at `token`. A key with children is emptied instead: it becomes a folder, which
   * is not a key (key.rule.ts), and its children stay.
   */
  async delete(path: string, token: string | null): Promise<void> {
    const absolute = absolutePath(this.root, path);
    const current = await this.node(absolute);
    const empties = (current?.childCount ?? 0) > 0;
    await this.audited(
      empties ? 'set' : 'delete',
      absolute,
      current?.value ?? null,
      empties ? Buffer.alloc(0) : null,
      {},
      async () => {
        if (current === null || current.token !== token) throw this.moved(absolute, current);
        if (empties) await this.target.session.set(absolute, Buffer.alloc(0), token);
        else await this.target.session.delete(absolute, { recursive: false, token });
      },
    );
  }

  /** Creates a missing parent (an absolute path) as an empty folder, for stores that need parents. */
  async ensureFolder(absolute: string): Promise<boolean> {
    if ((await this.node(absolute)) !== null) return false;
    await this.audited('create', absolute, null, Buffer.alloc(0), { folder: true }, async () => {
      await this.target.session.create(absolute, Buffer.alloc(0), PLAIN).catch((error: unknown) => {
        // Created by a concurrent item of this sync (or by someone else): the folder is there either way.
        if (!(isAppError(error) && error.code === 'NODE_EXISTS')) throw error;
      });
    });
    return true;
  }

  /** Removes a folder left empty by deletes; nothing happens when it holds a value or children. */
  async pruneFolder(path: string): Promise<boolean> {
    const absolute = absolutePath(this.root, path);
    const current = await this.node(absolute);
    if (current === null || (current.value?.length ?? 0) > 0 || current.childCount !== 0) return false;
    if (current.token === null) return false; // an implicit prefix (etcd): nothing to remove
    await this.audited('delete', absolute, current.value, null, { folder: true }, () =>
      this.target.session.delete(absolute, { recursive: false, token: current.token }).then(() => undefined),
    );
    return true;
  }

  /** A create for a batch (the batch's guard: the key must not exist). */
  prepareCreate(path: string, value: Buffer): PreparedWrite {
    const absolute = absolutePath(this.root, path);
    return {
      write: { op: 'create', path: absolute, value },
      facts: this.facts('create', absolute, null, value),
    };
  }

  /**
   * An update for a batch; a target that already moved is an audited CONFLICT, as in `update`. Null
   * when the plan saw no token (a batch cannot guard that write): the caller writes it on its own.
   */
  async prepareUpdate(path: string, value: Buffer, token: string | null): Promise<PreparedWrite | null> {
    if (token === null) return null;
    const absolute = absolutePath(this.root, path);
    const current = await this.node(absolute);
    if (current === null || current.token !== token) {
      return this.audited('set', absolute, current?.value ?? null, value, {}, async () => {
        throw this.moved(absolute, current);
      });
    }
    return {
      write: { op: 'set', path: absolute, value, token },
      facts: this.facts('set', absolute, current.value, value),
    };
  }

  /** A delete for a batch (a key with children is emptied instead, as in `delete`); null as above. */
  async prepareDelete(path: string, token: string | null): Promise<PreparedWrite | null> {
    if (token === null) return null;
    const absolute = absolutePath(this.root, path);
    const current = await this.node(absolute);
    const empties = (current?.childCount ?? 0) > 0;
    const operation = empties ? 'set' : 'delete';
    const after = empties ? Buffer.alloc(0) : null;
    if (current === null || current.token !== token) {
      return this.audited(operation, absolute, current?.value ?? null, after, {}, async () => {
        throw this.moved(absolute, current);
      });
    }
    const write: BatchWrite = empties
      ? { op: 'set', path: absolute, value: Buffer.alloc(0), token }
      : { op: 'delete', path: absolute, token };
    return { write, facts: this.facts(operation, absolute, current.value, after) };
  }

  /**
   * Applies prepared writes as one transaction and audits each of them as applied. When the batch
   * fails nothing was written and nothing is audited here: the caller retries the items one by one
   * (each audited then) or, when the target is gone, records them with `recordFailed`.
   */
  async commit(batch: BatchWriter, prepared: readonly PreparedWrite[]): Promise<void> {
    await batch.apply(prepared.map((p) => p.write));
    await this.auditor.recorded(
      prepared.map((p) => p.facts),
      null,
    );
  }

  /** Audits writes of a batch that could not be sent (the target stopped answering). */
  async recordFailed(prepared: readonly PreparedWrite[], error: AppError): Promise<void> {
    await this.auditor.recorded(
      prepared.map((p) => p.facts),
      error,
    );
  }

  /** Records a write that was not attempted because the source moved since the plan (a conflict). */
  async sourceMoved(operation: AuditOperation, path: string): Promise<never> {
    const absolute = absolutePath(this.root, path);
    return this.audited(operation, absolute, null, null, { sourceMoved: true }, async () => {
      throw new AppError('CONFLICT', `The source value of ${path} changed since the plan was made.`);
    });
  }

  private audited<T>(
    operation: AuditOperation,
    path: string,
    before: Buffer | null,
    after: Buffer | null,
    details: AuditDetails,
    write: () => Promise<T>,
  ): Promise<T> {
    return this.auditor.run(this.facts(operation, path, before, after, details), write);
  }

  private facts(
    operation: AuditOperation,
    path: string,
    before: Buffer | null,
    after: Buffer | null,
    details: AuditDetails = {},
  ): MutationFacts {
    const { profile } = this.target;
    return { profile, operation, path, before, after, details: { syncId: this.syncId, ...details } };
  }

  /** A store's CONFLICT (or NOT_FOUND) on a planned write, worded as the sync's own conflict. */
  private asMoved(path: string, error: unknown): unknown {
    if (!isAppError(error)) return error;
    if (error.code === 'NOT_FOUND') return this.moved(path, null);
    if (error.code !== 'CONFLICT') return error;
    const current = error.conflict?.currentToken ?? null;
    return current === null && error.conflict?.currentValueBase64 == null
      ? this.moved(path, null)
      : new AppError(
          'CONFLICT',
          `${path} was changed in the target since the plan was made.`,
          error.conflict,
        );
  }

  private moved(path: string, current: TargetNode | null): AppError {
    return current === null
      ? new AppError('CONFLICT', `${path} was deleted in the target since the plan was made.`)
      : new AppError('CONFLICT', `${path} was changed in the target since the plan was made.`, {
          currentValueBase64: current.value?.toString('base64') ?? null,
          currentToken: current.token,
        });
  }

  /** The node as it is now, or null when it does not exist. */
  private async node(path: string): Promise<TargetNode | null> {
    try {
      const node = await this.target.session.get(path, { maxBytes: 0 });
      const value = node.hasValue ? Buffer.from(node.valueBase64, 'base64') : null;
      return { value, token: node.token, childCount: node.childCount };
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
