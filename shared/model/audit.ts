import { z } from 'zod';
import { BackendKindSchema, EnvironmentSchema } from './connection.js';

/** Node writes, and the jobs that write many nodes (named once when the whole job is refused). */
export const AUDIT_OPERATIONS = ['create', 'set', 'delete', 'sync', 'import'] as const;
export const AuditOperationSchema = z.enum(AUDIT_OPERATIONS);
export type AuditOperation = z.infer<typeof AuditOperationSchema>;

export const AUDIT_OUTCOMES = ['ok', 'conflict', 'refused', 'failed'] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

/** A value as kept in the log: whole when small, else only its size and digest. */
export const AuditValueSchema = z.union([
  z.object({ encoding: z.enum(['utf8', 'base64']), data: z.string(), size: z.number().int() }),
  z.object({ omitted: z.literal(true), size: z.number().int(), sha256: z.string() }),
]);
export type AuditValue = z.infer<typeof AuditValueSchema>;

/** Extra facts of an entry: recursive delete count, create mode, sync id, the refused method. */
export const AuditDetailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string(),
  user: z.string(),
  host: z.string(),
  connection: z.object({
    id: z.string(),
    name: z.string(),
    kind: BackendKindSchema,
    environment: EnvironmentSchema,
    endpoints: z.array(z.string()),
  }),
  operation: AuditOperationSchema,
  path: z.string(),
  before: AuditValueSchema.nullable(),
  after: AuditValueSchema.nullable(),
  outcome: AuditOutcomeSchema,
  /** Error code and message when the outcome is not ok. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  details: AuditDetailsSchema.nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  connectionName: z.string().optional(),
  pathPrefix: z.string().optional(),
  since: z.string().optional(),
  /** Newest first; at most this many. */
  limit: z.number().int().positive().max(10000).default(500),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), line: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
