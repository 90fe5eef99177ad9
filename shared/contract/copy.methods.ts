import { z } from 'zod';
import { CopyEndpointSchema, CopyPlanViewSchema, CopyReportSchema } from '../model/copy.js';
import { ConfirmationSchema, READS, writeInput, writes } from './access.js';

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
   * Applies a copy plan (prod target: type its name). With `move`, the source keys whose copy reads back
   * equal are then deleted with the tokens of the plan; the source passes the write gate too (prod: its
   * name as `sourceConfirmation`, or `confirmation` when both are the same connection).
   */
  'copy.apply': {
    access: writes('connection', 'copy'),
    input: writeInput({
      planId: z.string().min(1),
      move: z.boolean().default(false),
      sourceConfirmation: ConfirmationSchema,
    }),
    output: CopyReportSchema,
  },
} as const;
