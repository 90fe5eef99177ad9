import { AppError } from '../../../shared/errors.js';
import type { CopyReport } from '../../../shared/model/copy.js';
import { toAppError } from '../api/to-app-error.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { Source } from '../sources/source.js';
import type { JobContext } from '../sync/job.js';
import { applySync } from '../sync/sync.apply.js';
import { admittedStore } from '../sync/sync.guard.js';
import { stopsTheApply } from '../sync/sync.run.js';
import type { SyncReport } from '../sync/sync.types.js';
import { SyncWriter } from '../sync/sync.writer.js';
import { carryAcls, carryFlags, carryOf } from './copy.carry.js';
import { deleteMovedSource } from './copy.move.js';
import type { CopyPlan } from './copy.plan.js';
import { applyRoot, type RootOutcome } from './copy.root.js';

export interface CopyApplyOptions {
  /** The write gate's permit for the target. */
  permit: WritePermit;
  auditor: MutationAuditor;
  /** For a move: the write gate's permit for the source (whose keys are deleted); null for a copy. */
  movePermit: WritePermit | null;
  /** Why a move within one connection was not one transaction (said in the report), or null. */
  methodNote?: string | null;
}

type Failure = CopyReport['failed'][number];

/** The figures of the copy half of the report, from the root's outcome and the sync's report. */
function tally(plan: CopyPlan, root: RootOutcome | null, sync: SyncReport | null, failed: Failure[]) {
  const existing = new Set(plan.existing);
  let copied = root === 'copied' ? 1 : 0;
  let overwritten = root === 'overwritten' ? 1 : 0;
  let skipped = plan.ephemeral.length;
  for (const item of sync?.items ?? plan.sync.items.map((i) => ({ ...i, outcome: 'skipped', error: null }))) {
    if (item.outcome === 'skipped') skipped += 1;
    else if (item.outcome !== 'applied') {
      failed.push({
        path: item.path,
        code: item.error?.code ?? 'INTERNAL',
        message: item.error?.message ?? '',
      });
    } else if (item.action === 'update' && existing.has(item.path)) overwritten += 1;
    else copied += 1;
  }
  const kept = plan.identical + (plan.overwrite ? 0 : plan.existing.length);
  return { copied, overwritten, kept, skipped };
}

/**
 * Copies a planned subtree: the root's own value first (copy.root.ts), then everything below it through
 * the sync engine (parents first, CAS on every write, batched where the target has transactions), every
 * write audited with the plan's id. A move then verifies and deletes the source (copy.move.ts), but only
 * when the copy went through without a stop: a half-written copy never loses its source.
 */
export async function applyCopy(
  plan: CopyPlan,
  source: Source,
  target: Source,
  options: CopyApplyOptions,
  job: JobContext = {},
): Promise<CopyReport> {
  const started = performance.now();
  const writer = new SyncWriter(
    admittedStore(target, options.permit),
    target.root,
    options.auditor,
    plan.sync.syncId,
  );
  const failed: Failure[] = [];
  let stoppedBy: AppError | null = null;
  let root: RootOutcome | null = null;
  if (job.signal?.aborted) stoppedBy = new AppError('CANCELLED', 'The copy was cancelled.');
  if (plan.root !== null && stoppedBy === null) {
    try {
      root = await applyRoot(plan.root, source, target, writer, plan.overwrite);
    } catch (thrown) {
      const error = toAppError(thrown);
      failed.push({ path: '/', code: error.code, message: error.message });
      if (stopsTheApply(error)) stoppedBy = error;
    }
  }
  const sync =
    stoppedBy === null
      ? await applySync(plan.sync, source, target, { permit: options.permit, auditor: options.auditor }, job)
      : null;
  const stop = stoppedBy ?? sync?.stoppedBy ?? null;
  const figures = tally(plan, root, sync, failed);
  const carry = carryOf(source, target);
  const written = [
    ...(root === 'copied' || root === 'overwritten' ? ['/'] : []),
    ...(sync?.items ?? []).filter((item) => item.outcome === 'applied').map((item) => item.path),
  ];
  const carrying = { permit: options.permit, auditor: options.auditor, syncId: plan.sync.syncId };
  const live = !job.signal?.aborted;
  const aclsSet = carry.acls && live ? await carryAcls(written, source, target, carrying, failed) : 0;
  const flagsSet = carry.flags && live ? await carryFlags(written, source, target, carrying, failed) : 0;
  const moved =
    options.movePermit !== null && stop === null && !job.signal?.aborted
      ? await deleteMovedSource(plan, source, target, options.movePermit, options.auditor)
      : { deleted: 0, notDeleted: [] };
  return {
    operationId: plan.sync.syncId,
    move: options.movePermit !== null,
    method: options.movePermit === null ? 'copy' : 'copy-verify-delete',
    methodNote: options.methodNote ?? null,
    aclsSet,
    flagsSet,
    carryNote: carry.acls || carry.flags ? null : carry.note,
    ...figures,
    failed,
    ...moved,
    stoppedBy: stop && { code: stop.code, message: stop.message },
    durationMs: Math.round(performance.now() - started),
  };
}
