import { z } from 'zod';
import { CopyEndpointSchema, CopyPlanViewSchema, CopyResultSchema } from '../model/copy.js';
import { ConfirmationSchema, LOCAL, READS, writeInput, writes } from './access.js';

const JobIdSchema = z.string().min(1);

/** Copy, move and rename of subtrees, within a connection or across any two (spread into `methods`). */
export const copyMethods = {
  /** What copying `source` (a node and its subtree) to `target` would do; nothing is written. */
  'copy.plan': {
    access: READS,
    input: z.object({
      source: CopyEndpointSchema,
      target: CopyEndpointSchema,
      /** Overwrite keys the target already holds with another value (else they are kept). */
      overwrite: z.boolean().default(false),
    }),
    output: CopyPlanViewSchema,
  },
  /**
   * Applies a copy plan in the background (prod target: type its name); poll `copy.result`. With `move`,
   * the source keys whose copy reads back equal are then deleted with the tokens of the plan; the source
   * passes the write gate too, before the job starts (prod: its name as `sourceConfirmation`, or
   * `confirmation` when both are the same connection).
   */
  'copy.apply': {
    access: writes('connection', 'copy'),
    input: writeInput({
      planId: z.string().min(1),
      move: z.boolean().default(false),
      sourceConfirmation: ConfirmationSchema,
    }),
    output: z.object({ jobId: z.string() }),
  },
  /** The state, progress and (once done, or cancelled midway) the report of a copy job. */
  'copy.result': { access: READS, input: z.object({ jobId: JobIdSchema }), output: CopyResultSchema },
  /** Asks a running copy to stop: writes not made yet are skipped, and a move deletes nothing. */
  'copy.cancel': {
    access: LOCAL,
    input: z.object({ jobId: JobIdSchema }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
