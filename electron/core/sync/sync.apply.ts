import { AppError } from '../../../shared/errors.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { Source } from '../sources/source.js';
import { toAppError } from '../api/to-app-error.js';
import { throttled, type JobContext } from './job.js';
import { ancestorsOf, pathDepth } from './path.order.js';
import { ensureRoot, FolderMaker } from './sync.folders.js';
import { writableTarget } from './sync.guard.js';
import type { ItemOutcome, SyncItem, SyncItemResult, SyncPlan, SyncReport } from './sync.types.js';
import { hashBytes } from './value.hash.js';
import { SyncWriter } from './sync.writer.js';

/** Writes in flight at once. */
const WRITE_WINDOW = 16;
/** Failures after which the target cannot take more writes: the rest of the plan is skipped. */
const STOP_CODES = new Set([
  'UNREACHABLE',
  'NOT_CONNECTED',
  'TIMEOUT',
  'AUTH_FAILED',
  'INTERNAL',
  'CANCELLED',
]);

export interface ApplyOptions {
  /** For a prod target: its connection name, typed by the user (the CLI's --yes passes it). */
  confirmation?: string | null;
  auditor: MutationAuditor;
}

/** Groups items by depth, shallowest first (or deepest first with `reverse`). */
function byDepth(items: SyncItem[], reverse = false): SyncItem[][] {
  const groups = new Map<number, SyncItem[]>();
  for (const item of items) {
    const depth = pathDepth(item.path);
    const group = groups.get(depth);
    if (group === undefined) groups.set(depth, [item]);
    else group.push(item);
  }
  const depths = [...groups.keys()].sort((a, b) => (reverse ? b - a : a - b));
  return depths.map((depth) => groups.get(depth)!);
}

/**
 * Applies the selected items of a plan to the target: creates by depth (parents first), then updates,
 * then deletes (deepest first), then removes folders the deletes left empty (ZooKeeper nodes, Consul
 * `dir/` markers). Each write carries the
 * target token of the plan and writes only the source value of the plan (re-read and checked against
 * its hash): if either side moved, the item is a conflict and is not written. Once the target stops
 * answering (or the job is cancelled) the remaining items are skipped; running the sync again converges.
 */
export async function applySync(
  plan: SyncPlan,
  source: Source,
  target: Source,
  options: ApplyOptions,
  job: JobContext = {},
): Promise<SyncReport> {
  const started = performance.now();
  const store = writableTarget(target, options.confirmation ?? null);
  const writer = new SyncWriter(store, target.root, options.auditor, plan.syncId);
  const selected = plan.items.filter((item) => item.selected);
  const results = new Map<SyncItem, SyncItemResult>();
  /** The failure that ended the apply early (held in an object: the workers set it). */
  const stop: { error: AppError | null } = { error: null };
  const report = throttled(job.onProgress);
  const progress = () => ({ phase: 'apply' as const, done: results.size, total: selected.length });

  const settle = (item: SyncItem, outcome: ItemOutcome, error: AppError | null): void => {
    results.set(item, {
      path: item.path,
      action: item.action,
      outcome,
      error: error && { code: error.code, message: error.message },
    });
    report.push(progress());
  };
  const needsParents = store.session.capabilities.valueOnFolders;
  const folders = new FolderMaker(writer, target.root, plan.targetAncestors);

  const apply = async (item: SyncItem): Promise<void> => {
    if (item.action === 'delete') return writer.delete(item.path, item.targetToken);
    const current = await source.read(item.path);
    if (current === null || hashBytes(current.value) !== item.sourceHash) {
      return writer.sourceMoved(item.action === 'create' ? 'create' : 'set', item.path);
    }
    if (item.action === 'update') return writer.update(item.path, current.value, item.targetToken);
    if (needsParents) for (const ancestor of ancestorsOf(item.path)) await folders.ensure(ancestor);
    await writer.create(item.path, current.value);
    folders.created(item.path);
  };

  const run = async (group: SyncItem[]): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < group.length) {
        const item = group[next++]!;
        if (stop.error === null && job.signal?.aborted) {
          stop.error = new AppError('CANCELLED', 'The sync was cancelled.');
        }
        if (stop.error !== null) continue;
        try {
          await apply(item);
          settle(item, 'applied', null);
        } catch (thrown) {
          const error = toAppError(thrown);
          settle(item, error.code === 'CONFLICT' ? 'conflict' : 'failed', error);
          if (STOP_CODES.has(error.code)) stop.error ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITE_WINDOW, group.length) }, worker));
  };

  const creates = selected.filter((item) => item.action === 'create');
  try {
    if (needsParents && creates.length > 0) await ensureRoot(writer, target.root);
  } catch (thrown) {
    stop.error = toAppError(thrown);
  }
  for (const group of byDepth(creates)) await run(group);
  await run(selected.filter((item) => item.action === 'update'));
  const deletes = selected.filter((item) => item.action === 'delete');
  for (const group of byDepth(deletes, true)) await run(group);
  if (stop.error === null) {
    const deleted = deletes
      .filter((item) => results.get(item)?.outcome === 'applied')
      .map((item) => item.path);
    const keep = new Set(selected.filter((item) => item.action !== 'delete').map((item) => item.path));
    // Best effort: a folder that cannot go now is reported again by the next diff.
    await folders.prune(deleted, keep).catch(() => undefined);
  }

  const items = selected.map(
    (item) =>
      results.get(item) ?? { path: item.path, action: item.action, outcome: 'skipped' as const, error: null },
  );
  const summary = { applied: 0, conflict: 0, failed: 0, skipped: 0 };
  for (const item of items) summary[item.outcome] += 1;
  report.flush(progress());
  return {
    syncId: plan.syncId,
    source: plan.source,
    target: plan.target,
    summary,
    items,
    stoppedBy: stop.error && { code: stop.error.code, message: stop.error.message },
    durationMs: Math.round(performance.now() - started),
  };
}
