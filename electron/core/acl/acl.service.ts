import type { MethodParsedInput } from '../../../shared/contract/methods.js';
import {
  aclJson,
  adminRemovalSentence,
  aclProblems,
  removesOwnAdmin,
} from '../../../shared/acl/acl.rules.js';
import { AppError } from '../../../shared/errors.js';
import type { NodeAcl } from '../../../shared/model/acl.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { AclApi, AclWriteResult } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { SourceStore } from '../sources/source.js';

/** What a save asks for, whoever asks (the contract, the CLI). */
export interface AclSave {
  path: string;
  entries: readonly AclEntry[];
  aclVersion: number | null;
  confirmRemoveAdmin: boolean;
}

const text = (entries: readonly AclEntry[]): Buffer => Buffer.from(aclJson(entries), 'utf8');

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
  async setOn(store: SourceStore, save: AclSave, permit: WritePermit): Promise<AclWriteResult> {
    const api = aclApiOf(store);
    return this.auditor.run(
      {
        profile: permit.profile,
        operation: 'acl',
        path: save.path,
        before: null,
        after: text(save.entries),
        details: { aclVersion: save.aclVersion ?? -1 },
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

  private async store(connectionId: string): Promise<SourceStore> {
    return {
      profile: await this.connections.profile(connectionId),
      session: await this.connections.session(connectionId),
    };
  }
}
