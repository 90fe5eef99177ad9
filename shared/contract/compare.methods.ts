import { z } from 'zod';
import {
  CompareOptionsSchema,
  CompareResultSchema,
  CompareValuesSchema,
  SourceRefSchema,
  SyncDirectionSchema,
  SyncPlanViewSchema,
  SyncResultSchema,
} from '../model/compare.js';
import { LOCAL, READS, writeInput, writes } from './access.js';

const JobIdSchema = z.string().min(1);

/** Compare two sources and sync one into the other, as background jobs (spread into `methods`). */
export const compareMethods = {
  /** Starts a comparison in the background; poll `compare.result`, or listen to `job.progress`. */
  'compare.start': {
    access: READS,
    input: z.object({
      left: SourceRefSchema,
      right: SourceRefSchema,
      options: CompareOptionsSchema.default({
        ignore: [],
        normalize: null,
        skipEphemeral: true,
        compareMetadata: false,
      }),
    }),
    output: z.object({ jobId: z.string() }),
  },
  /** State of a comparison and one page of its entries (empty until it is done). */
  'compare.result': {
    access: READS,
    input: z.object({
      jobId: JobIdSchema,
      onlyDifferences: z.boolean().default(true),
      /** Case-insensitive substring of the relative path. */
      pathContains: z.string().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: CompareResultSchema,
  },
  /** Both values of one compared key as they are now (null where a side has no such key). */
  'compare.values': {
    access: READS,
    input: z.object({ jobId: JobIdSchema, path: z.string().min(1) }),
    output: CompareValuesSchema,
  },
  /** Asks a running compare or sync job to stop; false when it already ended. */
  'job.cancel': {
    access: LOCAL,
    input: z.object({ jobId: JobIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Plans a sync from a finished comparison; the target must be a connection. */
  'sync.plan': {
    access: READS,
    input: z.object({
      compareJobId: JobIdSchema,
      direction: SyncDirectionSchema,
      delete: z.boolean().default(false),
      onlyNew: z.boolean().default(false),
    }),
    output: SyncPlanViewSchema,
  },
  /** Applies the chosen items of a plan in the background (a prod target needs its name as confirmation). */
  'sync.apply': {
    access: writes('connection', 'sync'),
    input: writeInput({
      planId: z.string().min(1),
      paths: z.array(z.string().min(1)),
    }),
    output: z.object({ jobId: z.string() }),
  },
  'sync.result': { access: READS, input: z.object({ jobId: JobIdSchema }), output: SyncResultSchema },
} as const;
