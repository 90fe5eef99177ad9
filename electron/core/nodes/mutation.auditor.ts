import type { AuditDetails, AuditOperation, AuditOutcome } from '../../../shared/model/audit.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditRecord, AuditStore } from '../audit/audit.store.js';
import type { EventBus } from '../events/event.bus.js';
import { toAppError } from '../api/to-app-error.js';

export interface MutationFacts {
  profile: ConnectionProfile;
  operation: AuditOperation;
  path: string;
  before: Buffer | null;
  after: Buffer | null;
  details?: AuditDetails;
}

function outcomeOf(error: AppError): AuditOutcome {
  if (error.code === 'CONFLICT') return 'conflict';
  if (error.code === 'READ_ONLY' || error.code === 'CONFIRMATION_REQUIRED') return 'refused';
  return 'failed';
}

/** A write that failed on a conflict found the node at the value the conflict carries: that is its `before`. */
function withConflictValue(facts: MutationFacts, error: AppError): MutationFacts {
  const current = error.conflict?.currentValueBase64;
  if (facts.before !== null || current === undefined || current === null) return facts;
  return { ...facts, before: Buffer.from(current, 'base64') };
}

/** Runs a mutation and appends exactly one audit entry for it, whatever its outcome. */
export class MutationAuditor {
  constructor(
    private readonly audit: AuditStore,
    private readonly events: EventBus,
  ) {}

  /**
   * Runs `mutate` and records its outcome; `describe` adds what only the write itself knew (the value it
   * replaced, the path it created).
   */
  async run<T>(
    facts: MutationFacts,
    mutate: () => Promise<T>,
    describe?: (result: T) => Partial<MutationFacts>,
  ): Promise<T> {
    try {
      const result = await mutate();
      await this.recorded([{ ...facts, ...describe?.(result) }], null);
      return result;
    } catch (thrown) {
      const error = toAppError(thrown);
      await this.recorded([withConflictValue(facts, error)], error);
      throw error;
    }
  }

  /**
   * Appends the entries of mutations (one, or the writes of one batch that ran elsewhere) in one
   * durable append: each ok when `error` is null, else with that error's outcome.
   */
  async recorded(all: readonly MutationFacts[], error: AppError | null): Promise<void> {
    const outcome = error === null ? 'ok' : outcomeOf(error);
    const entries = await this.audit.appendMany(all.map((facts) => this.auditRecord(facts, outcome, error)));
    for (const entry of entries) {
      this.events.emit('audit.appended', {
        seq: entry.seq,
        connectionName: entry.connection.name,
        path: entry.path,
      });
    }
  }

  private auditRecord(facts: MutationFacts, outcome: AuditOutcome, error: AppError | null): AuditRecord {
    const { profile } = facts;
    return {
      connection: {
        id: profile.id,
        name: profile.name,
        kind: profile.kind,
        environment: profile.environment,
        endpoints: profile.endpoints,
      },
      operation: facts.operation,
      path: facts.path,
      before: facts.before,
      after: facts.after,
      outcome,
      error: error ? { code: error.code, message: error.message } : null,
      details: facts.details ?? null,
    };
  }
}
