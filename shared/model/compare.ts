import { z } from 'zod';
import { AppErrorShapeSchema } from '../errors.js';
import { EnvironmentSchema } from './connection.js';
import { NodePathSchema } from './node.js';

/** One side of a comparison: a saved connection and a path in it, or a snapshot file on disk. */
export const SourceRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection'), connectionId: z.string().min(1), path: NodePathSchema }),
  z.object({ type: z.literal('snapshot'), file: z.string().min(1) }),
]);
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const CompareOptionsSchema = z.object({
  /** Globs on paths relative to each root (`/tmp/**`, `*.bak`). */
  ignore: z.array(z.string().min(1)).default([]),
  /** Compare values as JSON / YAML data (key order and whitespace do not count), or as bytes. */
  normalize: z.enum(['json', 'yaml']).nullable().default(null),
  skipEphemeral: z.boolean().default(true),
  /** Also compare portable metadata (ACLs, flags…) where both sides have it. */
  compareMetadata: z.boolean().default(false),
});
export type CompareOptions = z.infer<typeof CompareOptionsSchema>;

export const JobStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobStateName = z.infer<typeof JobStateSchema>;
export const JobKindSchema = z.enum(['compare', 'sync']);

export const JobProgressViewSchema = z.object({
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
});
export type JobProgressView = z.infer<typeof JobProgressViewSchema>;

export const DiffStatusSchema = z.enum(['only-left', 'only-right', 'changed', 'same']);
export const CompareEntrySchema = z.object({ path: z.string(), status: DiffStatusSchema });
export type CompareEntry = z.infer<typeof CompareEntrySchema>;

export const CompareSummarySchema = z.object({
  onlyLeft: z.number().int(),
  onlyRight: z.number().int(),
  changed: z.number().int(),
  same: z.number().int(),
});

export const CompareResultSchema = z.object({
  state: JobStateSchema,
  progress: JobProgressViewSchema.nullable(),
  summary: CompareSummarySchema.nullable(),
  /** Entries matching the filter, before offset and limit. */
  total: z.number().int(),
  entries: z.array(CompareEntrySchema),
  error: AppErrorShapeSchema.nullable(),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;

export const CompareValuesSchema = z.object({
  leftBase64: z.string().nullable(),
  rightBase64: z.string().nullable(),
});
export type CompareValues = z.infer<typeof CompareValuesSchema>;

export const SyncDirectionSchema = z.enum(['left-to-right', 'right-to-left']);
export type SyncDirection = z.infer<typeof SyncDirectionSchema>;

export const SyncPlanViewSchema = z.object({
  planId: z.string(),
  target: z.object({ label: z.string(), readOnly: z.boolean(), environment: EnvironmentSchema }),
  items: z.array(z.object({ path: z.string(), action: z.enum(['create', 'update', 'delete']) })),
});
export type SyncPlanView = z.infer<typeof SyncPlanViewSchema>;

export const SyncReportViewSchema = z.object({
  syncId: z.string(),
  applied: z.array(z.string()),
  conflicts: z.array(z.string()),
  failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  skipped: z.array(z.string()),
});
export type SyncReportView = z.infer<typeof SyncReportViewSchema>;

export const SyncResultSchema = z.object({
  state: JobStateSchema,
  progress: JobProgressViewSchema.nullable(),
  report: SyncReportViewSchema.nullable(),
  error: AppErrorShapeSchema.nullable(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** Payload of the `job.progress` event (throttled; every state change is sent). */
export const JobProgressEventSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  state: JobStateSchema,
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
});
