import type { MethodParsedInput } from '../../../shared/contract/methods.js';
import {
  aclJson,
  adminRemovalSentence,
  aclProblems,
  removesOwnAdmin,
} from '../../../shared/acl/acl.rules.js';
import { AppError } from '../../../shared/errors.js';
import type {
  AclIdentity,
  AclRecursivePlan,
  AclRecursiveReport,
  AclRecursiveResult,
  NodeAcl,
} from '../../../shared/model/acl.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { AclWriteResult } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import { toAppError } from '../api/to-app-error.js';
import type { SourceStore } from '../sources/source.js';
import type { JobContext } from '../sync/job.js';
import { AclRecursiveJobs } from './acl.jobs.js';
import { applyAclRecursively } from './acl.recursive.js';
import { aclApiOf, aclKey, subtreePaths } from './acl.subtree.js';

/** What a save asks for, whoever asks (the contract, the CLI). */
export interface AclSave {
  path: string;
  entries: readonly AclEntry[];
  aclVersion: number | null;
  confirmRemoveAdmin: boolean;
}

const text = (entries: readonly AclEntry[]): Buffer => Buffer.from(aclJson(entries), 'utf8');

/** How many differing nodes a plan shows. */
const PLAN_PREVIEW = 20;

/**
 * Reads and replaces node ACLs. A save arrives with the write gate's permit and is audited here with the ACL
 * before and after as JSON text (in the entry's before/after, so the audit centre shows and diffs an ACL
 * change as it does a value change; `details.aclVersion` names the version it was guarded by).
 */
export class AclService {
  private readonly jobs = new AclRecursiveJobs();

  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
  ) {}

  async get(input: MethodParsedInput<'acl.get'>): Promise<NodeAcl> {
    return this.getOf(await this.store(input.connectionId), input.path);
  }

  /** Who this session is to the server (what the admin-removal rule checks). */
  async identities(connectionId: string): Promise<AclIdentity[]> {
    return aclApiOf(await this.store(connectionId)).identities();
  }

  getOf(store: SourceStore, path: string): Promise<NodeAcl> {
    return aclApiOf(store).get(path);
  }

  /** What a save would change, for the write gate; reads the profile only, never the store. */
  async target(input: MethodParsedInput<'acl.set'>): Promise<WriteTarget> {
    return {
      profile: await this.connections.profile(input.connectionId),
      path: input.path,
      after: () => text(input.entries),
    };
  }

  async set(input: MethodParsedInput<'acl.set'>, permit: WritePermit): Promise<NodeAcl> {
    return (await this.setOn(await this.store(input.connectionId), input, permit)).after;
  }

  /**
   * Checks the entries (every problem in one INVALID_INPUT, a sentence each) and the admin-removal rule, then
   * writes guarded by the ACL version; one audit entry whatever the outcome.
   */
  async setOn(
    store: SourceStore,
    save: AclSave,
    permit: WritePermit,
    extra: Record<string, string> = {},
  ): Promise<AclWriteResult> {
    const api = aclApiOf(store);
    return this.auditor.run(
      {
        profile: permit.profile,
        operation: 'acl',
        path: save.path,
        before: null,
        after: text(save.entries),
        details: { aclVersion: save.aclVersion ?? -1, ...extra },
      },
      async () => {
        const problems = aclProblems(save.entries);
        if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '));
        if (!save.confirmRemoveAdmin && removesOwnAdmin(save.entries, await api.identities())) {
          throw new AppError('CONFIRMATION_REQUIRED', adminRemovalSentence(save.path));
        }
        return api.set(save.path, save.entries, save.aclVersion);
      },
      (result) => ({ before: text(result.before.entries), after: text(result.after.entries) }),
    );
  }

  async planRecursive(input: MethodParsedInput<'acl.planRecursive'>): Promise<AclRecursivePlan> {
    return this.planRecursiveOf(await this.store(input.connectionId), input.path, input.entries);
  }

  async planRecursiveOf(
    store: SourceStore,
    path: string,
    entries: readonly AclEntry[],
  ): Promise<AclRecursivePlan> {
    const api = aclApiOf(store);
    const problems = aclProblems(entries);
    if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '));
    const paths = await subtreePaths(store, path);
    const wanted = aclKey(entries);
    const differences: AclRecursivePlan['differences'] = [];
    let differing = 0;
    for (const node of paths) {
      const acl = await api.get(node);
      if (aclKey(acl.entries) === wanted) continue;
      differing += 1;
      if (differences.length < PLAN_PREVIEW) differences.push({ path: node, entries: acl.entries });
    }
    return { path, count: paths.length, differing, differences };
  }

  /** What a recursive apply would change, for the write gate (its rule confirms by the connection's name). */
  async recursiveTarget(input: MethodParsedInput<'acl.applyRecursive'>): Promise<WriteTarget> {
    return {
      profile: await this.connections.profile(input.connectionId),
      path: input.path,
      after: () => text(input.entries),
      details: { recursive: true },
    };
  }

  /** Checks the entries and the admin rule, then starts the walk as a job (poll recursiveResult). */
  async applyRecursive(
    input: MethodParsedInput<'acl.applyRecursive'>,
    permit: WritePermit,
  ): Promise<{ jobId: string }> {
    const { jobId } = await this.startRecursive(await this.store(input.connectionId), input, permit);
    return { jobId };
  }

  /**
   * The entries and the admin rule are checked once, before the job starts (a refusal is one audit entry at
   * the root); then every node whose ACL differs is saved guarded by the ACL version read just before, each
   * audited on its own. A node that fails (changed in between, no ADMIN there) is reported and the walk goes
   * on; a cancel stops it before the next node. `result` settles with the report (CANCELLED when stopped).
   */
  async startRecursive(
    store: SourceStore,
    save: Omit<AclSave, 'aclVersion'>,
    permit: WritePermit,
  ): Promise<{ jobId: string; result: Promise<AclRecursiveReport> }> {
    await this.checkRecursive(store, save, permit);
    return this.jobs.start((job) => this.walkRecursive(store, save, permit, job));
  }

  /** The state, progress and report of a recursive apply. */
  recursiveResult(jobId: string): AclRecursiveResult {
    return this.jobs.result(jobId);
  }

  /** Asks a running recursive apply to stop; false when it already ended. */
  recursiveCancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  private async checkRecursive(
    store: SourceStore,
    save: Omit<AclSave, 'aclVersion'>,
    permit: WritePermit,
  ): Promise<void> {
    const api = aclApiOf(store);
    try {
      const problems = aclProblems(save.entries);
      if (problems.length > 0) throw new AppError('INVALID_INPUT', problems.join(' '));
      if (!save.confirmRemoveAdmin && removesOwnAdmin(save.entries, await api.identities())) {
        throw new AppError('CONFIRMATION_REQUIRED', adminRemovalSentence(save.path));
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      const facts = { profile: permit.profile, operation: 'acl' as const, path: save.path };
      await this.auditor.recorded(
        [{ ...facts, before: null, after: text(save.entries), details: { recursive: true } }],
        error,
      );
      throw error;
    }
  }

  private walkRecursive(
    store: SourceStore,
    save: Omit<AclSave, 'aclVersion'>,
    permit: WritePermit,
    job: JobContext,
  ): Promise<AclRecursiveReport> {
    const saveOne = (path: string, aclVersion: number) =>
      this.setOn(store, { path, entries: save.entries, aclVersion, confirmRemoveAdmin: true }, permit, {
        recursiveOf: save.path,
      });
    return applyAclRecursively(store, save.path, save.entries, saveOne, job);
  }

  private async store(connectionId: string): Promise<SourceStore> {
    return {
      profile: await this.connections.profile(connectionId),
      session: await this.connections.session(connectionId),
    };
  }
}
