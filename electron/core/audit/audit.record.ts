import { AuditEntrySchema, type AuditEntry } from '../../../shared/model/audit.js';
import { AppError } from '../../../shared/errors.js';
import { hashEntry } from './audit.entry.js';
import type { AuditIdentity } from './audit.identity.js';
import { redactDetails } from './audit.redact.js';
import { toAuditValue } from './audit.value.js';

/** What a caller records: an entry without the fields the store fills in, values as raw bytes. */
export type AuditRecord = Omit<
  AuditEntry,
  'seq' | 'time' | 'user' | 'host' | 'prevHash' | 'hash' | 'before' | 'after' | 'error' | 'details'
> & {
  before: Buffer | null;
  after: Buffer | null;
  error?: AuditEntry['error'];
  details?: AuditEntry['details'];
};

/** Where the new entry goes in the chain, and who made it when. */
export interface AuditEntryContext {
  seq: number;
  prevHash: string;
  time: Date;
  identity: AuditIdentity;
}

/** Built once: zod compiles a schema on its first parse, which costs more than the parse itself. */
const UnsignedEntrySchema = AuditEntrySchema.omit({ hash: true });

/** Turns a record into a complete, validated, hashed entry (values converted, credential-like details redacted). */
export function buildAuditEntry(record: AuditRecord, context: AuditEntryContext): AuditEntry {
  const unsigned: Omit<AuditEntry, 'hash'> = {
    seq: context.seq,
    time: context.time.toISOString(),
    user: context.identity.user,
    host: context.identity.host,
    connection: record.connection,
    operation: record.operation,
    path: record.path,
    before: toAuditValue(record.before),
    after: toAuditValue(record.after),
    outcome: record.outcome,
    error: record.error ?? null,
    details: redactDetails(record.details ?? null),
    prevHash: context.prevHash,
  };
  const checked = UnsignedEntrySchema.safeParse(unsigned);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new AppError(
      'INVALID_INPUT',
      `Invalid audit record (${where}${issue?.message ?? 'unknown problem'}).`,
    );
  }
  // Hash what the schema kept, so the entry on disk carries no stray fields a verify would not see.
  const clean = checked.data;
  return { ...clean, hash: hashEntry(clean) };
}
