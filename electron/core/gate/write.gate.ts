import { AppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { WriteRule } from '../../../shared/contract/access.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { WritePermit } from './write.permit.js';
import type { WriteTarget } from './write.target.js';

/** What the user must type for a write on a prod connection, by the write's rule. */
function expectedConfirmation(rule: WriteRule, target: WriteTarget): string {
  return rule.confirm === 'path' ? target.path : target.profile.name;
}

function refusal(rule: WriteRule, target: WriteTarget, confirmation: string | null): AppError | null {
  const { profile } = target;
  if (profile.readOnly) {
    const kind = KIND_DESCRIPTORS[profile.kind];
    const what = kind.readOnly
      ? `"${profile.name}" is a ${kind.label.toLowerCase()}, which is always read-only`
      : `The connection "${profile.name}" is read-only`;
    return new AppError('READ_ONLY', `${what}: nothing was written.`);
  }
  if (profile.environment === 'prod' && confirmation !== expectedConfirmation(rule, target)) {
    const what =
      rule.confirm === 'path'
        ? `type the path ${target.path} to confirm`
        : `type its name "${profile.name}" to confirm (in the CLI, add --yes)`;
    return new AppError(
      'CONFIRMATION_REQUIRED',
      `"${profile.name}" is a prod connection: ${what}; nothing was written.`,
    );
  }
  return null;
}

/**
 * The one check every write passes, whatever its path (a node edit, a sync, an import, a rollback): a
 * read-only connection is refused (READ_ONLY), a prod connection needs the typed confirmation of the
 * write's rule (CONFIRMATION_REQUIRED), and every refusal is appended to the audit log. The UI asks; the
 * gate decides. Nothing is read from or written to the store before it admits the write.
 */
export class WriteGate {
  constructor(private readonly auditor: MutationAuditor) {}

  /** Admits a write (resolving with its permit) or rejects with the refusal, audited. */
  async admit(
    rule: WriteRule,
    target: WriteTarget,
    confirmation: string | null | undefined,
  ): Promise<WritePermit> {
    const refused = refusal(rule, target, confirmation ?? null);
    if (refused !== null) {
      await this.auditor.recorded(
        [
          {
            profile: target.profile,
            operation: rule.operation,
            path: target.path,
            before: null,
            after: target.after?.() ?? null,
            ...(target.details ? { details: target.details } : {}),
          },
        ],
        refused,
      );
      throw refused;
    }
    return { profile: target.profile, path: target.path, rule } as WritePermit;
  }
}
