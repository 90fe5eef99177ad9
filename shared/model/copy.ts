import { z } from 'zod';
import { AppErrorShapeSchema } from '../errors.js';
import { JobProgressViewSchema, JobStateSchema } from './compare.js';
import { EnvironmentSchema } from './connection.js';

/** One side of a copy: a saved connection and a path in it. */
export const CopyEndpointSchema = z.object({ connectionId: z.string().min(1), path: z.string().min(1) });
export type CopyEndpoint = z.infer<typeof CopyEndpointSchema>;

/** How many paths a plan or a report lists by name (the counts are always complete). */
export const COPY_PATHS_SHOWN = 200;

/** What copying a subtree would do, as the preview shows it before anything is written. */
export const CopyPlanViewSchema = z.object({
  planId: z.string(),
  source: z.string(),
  target: z.object({
    label: z.string(),
    readOnly: z.boolean(),
    environment: EnvironmentSchema,
  }),
  overwrite: z.boolean(),
  /** Keys of the source that would be copied or met at the target (ephemeral nodes not counted). */
  nodes: z.number().int(),
  /** Keys the target lacks: created. */
  create: z.number().int(),
  /** Keys the target already has with another value: overwritten with `overwrite`, else kept. */
  existing: z.object({
    total: z.number().int(),
    /** Of those, the ones the apply would overwrite (0 without `overwrite`). */
    overwritten: z.number().int(),
    /** The first COPY_PATHS_SHOWN of them, relative to the roots. */
    paths: z.array(z.string()),
  }),
  /** Keys the target already has with the same value: nothing to write. */
  identical: z.number().int(),
  /** ZooKeeper ephemeral nodes of the source, never copied (they belong to a live session). */
  ephemeral: z.object({ count: z.number().int(), paths: z.array(z.string()), note: z.string().nullable() }),
  /**
   * Within one connection whose store moves subtrees atomically (ZooKeeper): whether a move would be one
   * transaction, and why not (it then copies, verifies and deletes). Null elsewhere.
   */
  atomicMove: z.object({ fits: z.boolean(), note: z.string() }).nullable(),
  /** What is carried beside values (ZooKeeper ACLs, Consul flags), and a sentence when something is not. */
  carry: z.object({ acls: z.boolean(), flags: z.boolean(), note: z.string().nullable() }),
});
export type CopyPlanView = z.infer<typeof CopyPlanViewSchema>;

const PathErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** What a copy (or a move) did, node by node counted. */
export const CopyReportSchema = z.object({
  /** The id every audit entry of this copy carries as `details.syncId` (revertible as one group). */
  operationId: z.string(),
  move: z.boolean(),
  /**
   * How it was written: `transaction` (a move within one ZooKeeper connection, all in one multi),
   * `copy-verify-delete` (a move otherwise: copy, read back, delete with the plan's tokens), or `copy`.
   */
  method: z.enum(['copy', 'copy-verify-delete', 'transaction']),
  /** Why a move within one connection was not one transaction, or what the transaction held. */
  methodNote: z.string().nullable(),
  /** Target nodes whose ACL was set to their source node's (ZooKeeper to ZooKeeper); a failure is in `failed`. */
  aclsSet: z.number().int(),
  /** Target keys whose flags were set to their source key's (Consul to Consul); a failure is in `failed`. */
  flagsSet: z.number().int(),
  /** The plan's sentence on what was not carried (ACLs, flags), or null. */
  carryNote: z.string().nullable(),
  copied: z.number().int(),
  overwritten: z.number().int(),
  kept: z.number().int(),
  /** Ephemeral nodes and writes never tried (the target stopped answering). */
  skipped: z.number().int(),
  failed: z.array(PathErrorSchema),
  /** For a move: source keys deleted after their copy was read back and found equal. */
  deleted: z.number().int(),
  /** For a move: source keys left in place, with why (changed since the plan, copy differs, children left). */
  notDeleted: z.array(PathErrorSchema),
  stoppedBy: z.object({ code: z.string(), message: z.string() }).nullable(),
  durationMs: z.number(),
});
export type CopyReport = z.infer<typeof CopyReportSchema>;

/** The state of a copy job (copy.apply runs in the background) and, once done, its report. */
export const CopyResultSchema = z.object({
  state: JobStateSchema,
  progress: JobProgressViewSchema.nullable(),
  /** Also when cancelled midway: what was written up to then (`stoppedBy` CANCELLED). */
  report: CopyReportSchema.nullable(),
  error: AppErrorShapeSchema.nullable(),
});
export type CopyResult = z.infer<typeof CopyResultSchema>;
