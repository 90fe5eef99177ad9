import { z } from 'zod';
import { BackendKindSchema, EnvironmentSchema } from './connection.js';

/**
 * Node writes, and the jobs that write many nodes (named once when the whole job is refused). `revert` names a
 * refused revert; a revert that runs is recorded as the set, create or delete it makes, with
 * `details.revertOf` (the seq it reverts) and, for a sync group, `details.revertOfSync`. `acl` replaces a
 * ZooKeeper node's ACL: its before and after are the ACL as JSON text (the entries, `[{scheme, id,
 * permissions}]`), so the audit centre shows and diffs them like values; `details.aclVersion` is the version
 * the save was guarded by.
 *
 * `copy` and `move` name a refused copy or move of a subtree (copy.apply, `configdeck copy`); a copy that runs is
 * recorded as the creates and sets it makes (and, for a move, the deletes of the source), all with one
 * `details.syncId`, so the audit centre groups and reverts it like a sync. New operations go last (the audit
 * index names the order it numbered them by, and rebuilds itself when it differs).
 */
export const AUDIT_OPERATIONS = [
  'create',
  'set',
  'delete',
  'sync',
  'import',
  'revert',
  'acl',
  'copy',
  'move',
] as const;
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

/**
 * A query of the audit centre; every field narrows (all of them at once: AND). Served by the index beside the
 * log (audit.index.ts), so a query never reads the whole log.
 */
export const AuditQuerySchema = z.object({
  connectionName: z.string().optional(),
  connectionId: z.string().optional(),
  environment: EnvironmentSchema.optional(),
  kind: BackendKindSchema.optional(),
  operation: AuditOperationSchema.optional(),
  outcome: AuditOutcomeSchema.optional(),
  /** Exactly this path (a node's history). */
  path: z.string().optional(),
  pathPrefix: z.string().optional(),
  /** Case-insensitive substring of the path. */
  pathContains: z.string().optional(),
  /** The OS user (exact). */
  user: z.string().optional(),
  /** ISO times, inclusive. */
  since: z.string().optional(),
  until: z.string().optional(),
  /** The entries of one sync (`details.syncId`). */
  syncId: z.string().optional(),
  /** Position in the newest-first list of matches to start at (the virtualized list asks page by page). */
  offset: z.number().int().min(0).default(0),
  /** At most this many. */
  limit: z.number().int().positive().max(10000).default(500),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export type AuditQueryParsed = z.output<typeof AuditQuerySchema>;
/** A query without its page (what an export takes). */
export const AuditFilterSchema = AuditQuerySchema.omit({ offset: true, limit: true });
export type AuditFilter = z.input<typeof AuditFilterSchema>;

/** One page of matches, newest first, and how many match in all. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Every entry the query matches (the length of the virtualized list). */
  matched: z.number().int(),
  /** Entries in the log(s) in all. */
  total: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** Log files checked (the chain runs across rotated files in order). */
  files: z.number().int().default(1),
  firstBroken: z
    .object({
      seq: z.number().int(),
      line: z.number().int(),
      reason: z.string(),
      /** The file (name within the audit directory) holding the broken entry. */
      file: z.string().default('audit.jsonl'),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

/** A verify in progress (event `audit.verify.progress`). */
export const AuditVerifyProgressSchema = z.object({
  bytesDone: z.number(),
  bytesTotal: z.number(),
  entries: z.number().int(),
});
export type AuditVerifyProgress = z.infer<typeof AuditVerifyProgressSchema>;

export const AUDIT_EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export const AuditExportFormatSchema = z.enum(AUDIT_EXPORT_FORMATS);
export type AuditExportFormat = z.infer<typeof AuditExportFormatSchema>;

/** The most entries one export from the UI carries (the CLI streams any number). */
export const AUDIT_EXPORT_MAX = 100_000;

export const AuditExportSchema = z.object({
  text: z.string(),
  count: z.number().int(),
  /** More entries matched than an export carries (AUDIT_EXPORT_MAX). */
  truncated: z.boolean(),
});
export type AuditExport = z.infer<typeof AuditExportSchema>;

/**
 * What reverting one entry would write: the before value back (set), a delete (of a create), or a re-create
 * (of a delete), each checked against the node as it is now.
 */
export const RevertItemSchema = z.object({
  seq: z.number().int(),
  connectionName: z.string(),
  path: z.string(),
  action: z.enum(['set', 'create', 'delete']).nullable(),
  /**
   * ready: the node is still as the entry left it; moved: it changed since (refused); unrevertable: the entry
   * cannot be undone (not ok, a job-level entry, a value too large to be kept, a recursive delete of many).
   */
  state: z.enum(['ready', 'moved', 'unrevertable']),
  /** One sentence when not ready. */
  reason: z.string().nullable(),
});
export type RevertItem = z.infer<typeof RevertItemSchema>;

/** The plan of a revert (one entry, or a whole sync group in reverse order of its writes). */
export const RevertPlanSchema = z.object({
  /** The connection every item writes to (a sync group writes to one). */
  connectionId: z.string(),
  connectionName: z.string(),
  environment: EnvironmentSchema,
  syncId: z.string().nullable(),
  items: z.array(RevertItemSchema),
});
export type RevertPlan = z.infer<typeof RevertPlanSchema>;

/** What a revert did, item by item. */
export const RevertReportSchema = z.object({
  items: z.array(
    RevertItemSchema.extend({
      outcome: z.enum(['reverted', 'moved', 'unrevertable', 'failed']),
      /** The audit entry the revert wrote, when it wrote one. */
      revertSeq: z.number().int().nullable(),
    }),
  ),
  reverted: z.number().int(),
});
export type RevertReport = z.infer<typeof RevertReportSchema>;
