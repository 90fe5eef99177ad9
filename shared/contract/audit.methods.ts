import { z } from 'zod';
import {
  AuditEntrySchema,
  AuditExportFormatSchema,
  AuditExportSchema,
  AuditFilterSchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerifyResultSchema,
  RevertPlanSchema,
  RevertReportSchema,
} from '../model/audit.js';
import { READS, writeInput, writes } from './access.js';

const Empty = z.object({}).strict();
const SeqSchema = z.number().int().positive();

/**
 * The audit centre (spread into `methods`): query through the index, one entry, a sync group, export, verify,
 * and revert. A revert is an ordinary audited write of the before value with CAS against the after value.
 */
export const auditMethods = {
  /** Entries matching the query, newest first, one page at a time, with the number matching in all. */
  'audit.list': { access: READS, input: AuditQuerySchema, output: AuditPageSchema },
  /** One entry by its seq; NOT_FOUND when the log has none. */
  'audit.entry': { access: READS, input: z.object({ seq: SeqSchema }), output: AuditEntrySchema },
  /** Every entry of one sync (`details.syncId`), in the order written. */
  'audit.group': {
    access: READS,
    input: z.object({ syncId: z.string().min(1) }),
    output: z.array(AuditEntrySchema),
  },
  /** The filtered entries as JSON Lines or CSV (at most AUDIT_EXPORT_MAX, newest first). */
  'audit.export': {
    access: READS,
    input: z.object({ filter: AuditFilterSchema.default({}), format: AuditExportFormatSchema }),
    output: AuditExportSchema,
  },
  /** Recomputes the chain over every log file (progress as `audit.verify.progress` events). */
  'audit.verify': { access: READS, input: Empty, output: AuditVerifyResultSchema },
  /** What reverting an entry, or every entry of a sync, would write, checked against the nodes now. */
  'audit.revertPlan': {
    access: READS,
    input: z.union([z.object({ seq: SeqSchema }), z.object({ syncId: z.string().min(1) })]),
    output: RevertPlanSchema,
  },
  /** Reverts one entry (prod: type its path). */
  'audit.revert': {
    access: writes('path', 'revert'),
    input: writeInput({ seq: SeqSchema }),
    output: RevertReportSchema,
  },
  /** Reverts every entry of a sync, newest write first (prod: type the connection's name). */
  'audit.revertGroup': {
    access: writes('connection', 'revert'),
    input: writeInput({ syncId: z.string().min(1) }),
    output: RevertReportSchema,
  },
} as const;
