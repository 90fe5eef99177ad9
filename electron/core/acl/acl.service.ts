import type { MethodParsedInput } from '../../../shared/contract/methods.js';
import {
  aclJson,
  adminRemovalSentence,
  aclProblems,
  removesOwnAdmin,
} from '../../../shared/acl/acl.rules.js';
import { AppError } from '../../../shared/errors.js';
import type { AclRecursivePlan, AclRecursiveReport, NodeAcl } from '../../../shared/model/acl.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { AclApi, AclWriteResult } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import { toAppError } from '../api/to-app-error.js';
import type { SourceStore } from '../sources/source.js';

/** What a save asks for, whoever asks (the contract, the CLI). */
export interface AclSave {
  path: string;
  entries: readonly AclEntry[];
  aclVersion: number | null;
  confirmRemoveAdmin: boolean;
}

const text = (entries: readonly AclEntry[]): Buffer => Buffer.from(aclJson(entries), 'utf8');

/** A recursive apply walks at most this many nodes (a plan says so before anything is written). */
const MAX_RECURSIVE_NODES = 100_000;
/** How many differing nodes a plan shows. */
const PLAN_PREVIEW = 20;

/** An ACL compared as a set of entries with their permissions as a set of letters. */
function aclKey(entries: readonly AclEntry[]): string {
  return entries
    .map((entry) => `${entry.scheme}:${entry.id}:${[...entry.permissions].sort().join('')}`)
    .sort()
    .join(',');
}

/** The subtree's paths, its root first; refused past MAX_RECURSIVE_NODES. */
async function subtreePaths(store: SourceStore, path: string): Promise<string[]> {
  const { session } = store;
  // A missing root is NOT_FOUND here, not an empty subtree.
  await aclApiOf(store).get(path);
  const paths = [path];
  if (session.scanSubtree === undefined) return paths;
  for await (const page of session.scanSubtree(path, { pageSize: 500, skip: () => false })) {
    for (const node of page) paths.push(node.path);
    if (paths.length > MAX_RECURSIVE_NODES)
      throw new AppError(
        'TOO_LARGE',
        `${path} has more than ${MAX_RECURSIVE_NODES} nodes; apply the ACL to a smaller subtree.`,
      );
  }
  return paths;
}

function aclApiOf(store: SourceStore): AclApi {
  if (store.session.acls === undefined) {
    throw new AppError('UNSUPPORTED', `"${store.profile.name}" has no ACLs this console can edit.`);
  }
  return store.session.acls;
}

/**
 * Reads and replaces node ACLs. A save arrives with the write gate's permit and is audited here with the ACL
 * before and after as JSON text (in the entry's before/after, so the audit centre shows and diffs an ACL
 * change as it does a value change; `details.aclVersion` names the version it was guarded by).
 */
export class AclService {
  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
  ) {}

  async get(input: MethodParsedInput<'acl.get'>): Promise<NodeAcl> {
    return this.getOf(await this.store(input.connectionId), input.path);
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

  async applyRecursive(
    input: MethodParsedInput<'acl.applyRecursive'>,
    permit: WritePermit,
  ): Promise<AclRecursiveReport> {
    return this.applyRecursiveOn(await this.store(input.connectionId), input, permit);
  }

  /**
   * The entries and the admin rule are checked once (a refusal is one audit entry at the root); then every
   * node whose ACL differs is saved guarded by the ACL version read just before, each audited on its own. A
   * node that fails (changed in between, no ADMIN there) is reported and the walk goes on.
   */
  async applyRecursiveOn(
    store: SourceStore,
    save: Omit<AclSave, 'aclVersion'>,
    permit: WritePermit,
  ): Promise<AclRecursiveReport> {
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
    const paths = await subtreePaths(store, save.path);
    const wanted = aclKey(save.entries);
    const report: AclRecursiveReport = {
      path: save.path,
      count: paths.length,
      changed: 0,
      unchanged: 0,
      failed: [],
    };
    for (const path of paths) {
      try {
        const acl = await api.get(path);
        if (aclKey(acl.entries) === wanted) {
          report.unchanged += 1;
          continue;
        }
        await this.setOn(
          store,
          { path, entries: save.entries, aclVersion: acl.aclVersion, confirmRemoveAdmin: true },
          permit,
          { recursiveOf: save.path },
        );
        report.changed += 1;
      } catch (thrown) {
        const error = toAppError(thrown);
        report.failed.push({ path, code: error.code, message: error.message });
      }
    }
    return report;
  }

  private async store(connectionId: string): Promise<SourceStore> {
    return {
      profile: await this.connections.profile(connectionId),
      session: await this.connections.session(connectionId),
    };
  }
}
