import { AppError } from '../../../shared/errors.js';
import type { CopyReport } from '../../../shared/model/copy.js';
import { toAppError } from '../api/to-app-error.js';
import type { PinnedSubtree, PinOutcome } from '../backends/subtree.move.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { MutationAuditor, MutationFacts } from '../nodes/mutation.auditor.js';
import type { Source } from '../sources/source.js';
import { admittedStore } from '../sync/sync.guard.js';
import type { JobContext } from '../sync/job.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

/**
 * Whether a move from `source` to `target` can be one transaction: both the same connection, whose store
 * moves subtrees atomically (ZooKeeper multi), and the subtree fits it. Null when the store cannot at all.
 */
export async function pinForTransaction(source: Source, target: Source): Promise<PinOutcome | null> {
  const from = source.store;
  const to = target.store;
  if (from === null || to === null || from.profile.id !== to.profile.id) return null;
  const api = from.session.subtreeMove;
  if (api === undefined) return null;
  // A subtree this session cannot read whole is simply not moved in one transaction.
  return api.pin(source.root, target.root).catch((thrown: unknown) => ({
    fits: false as const,
    reason: toAppError(thrown).message,
  }));
}

/**
 * A transaction the store refused for another reason than a change made meanwhile (an ACL that forbids
 * creating children inside the same multi, a request the server finds too large): the move can still be
 * made node by node.
 */
export function refusedForAnotherReason(report: CopyReport): boolean {
  const code = report.stoppedBy?.code;
  return code !== undefined && code !== 'CONFLICT' && code !== 'CANCELLED';
}

/**
 * A move in one transaction: every node created at its new path and deleted at its old one, all or
 * nothing. Every write is audited under the plan's operation id once the transaction answered (ok, or
 * its conflict); a conflict leaves both sides as they were.
 */
export async function moveInOneTransaction(
  subtree: PinnedSubtree,
  source: Source,
  options: { permit: WritePermit; movePermit: WritePermit; auditor: MutationAuditor; operationId: string },
  job: JobContext = {},
): Promise<CopyReport> {
  const started = performance.now();
  const store = admittedStore(source, options.permit);
  admittedStore(source, options.movePermit);
  const details = { syncId: options.operationId, move: true, transaction: true };
  const facts: MutationFacts[] = [
    ...subtree.nodes.map((node) => ({
      profile: store.profile,
      operation: 'create' as const,
      path: node.path === subtree.from ? subtree.to : `${subtree.to}${node.path.slice(subtree.from.length)}`,
      before: null,
      after: node.value,
      details,
    })),
    ...subtree.nodes.map((node) => ({
      profile: store.profile,
      operation: 'delete' as const,
      path: node.path,
      before: node.value,
      after: null,
      details,
    })),
  ];
  const report = (done: boolean, error: AppError | null): CopyReport => ({
    operationId: options.operationId,
    move: true,
    method: 'transaction',
    methodNote: say(COPY_SENTENCES, subtree.aclsCarried ? 'oneMultiAclsKept' : 'oneMulti', {
      operations: facts.length,
    }),
    aclsSet: done && subtree.aclsCarried ? subtree.nodes.length : 0,
    flagsSet: 0,
    carryNote: null,
    copied: done ? subtree.nodes.length : 0,
    overwritten: 0,
    kept: 0,
    skipped: done || error === null ? 0 : subtree.nodes.length,
    failed: error === null ? [] : [{ path: subtree.from, code: error.code, message: error.message }],
    deleted: done ? subtree.nodes.length : 0,
    notDeleted: [],
    stoppedBy: error && { code: error.code, message: error.message },
    durationMs: Math.round(performance.now() - started),
  });
  if (job.signal?.aborted) {
    const cancelled = new AppError('CANCELLED', 'The move was cancelled before it started.');
    return { ...report(false, cancelled), failed: [] };
  }
  try {
    await store.session.subtreeMove!.move(subtree);
  } catch (thrown) {
    const error = toAppError(thrown);
    await options.auditor.recorded(facts, error);
    return report(false, error);
  }
  await options.auditor.recorded(facts, null);
  return report(true, null);
}
