import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { Source } from '../sources/source.js';
import type { JobContext } from './job.js';
import { ancestorsOf, pathDepth } from '../../../shared/paths.js';
import { ensureRoot, FolderMaker } from './sync.folders.js';
import { admittedStore } from './sync.guard.js';
import type { WritePermit } from '../gate/write.permit.js';
import { toAppError } from '../api/to-app-error.js';
import type { SyncItem, SyncPlan, SyncReport } from './sync.types.js';
import { hashBytes } from './value.hash.js';
import { SyncWriter, type PreparedWrite } from './sync.writer.js';
import { ApplyRun } from './sync.run.js';
import { applyInBatches } from './sync.batched.js';

/** Writes in flight at once. */
const WRITE_WINDOW = 16;

export interface ApplyOptions {
  /** The write gate's permit for the target (read-only and prod confirmation checked there). */
  permit: WritePermit;
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
 * `dir/` markers). Each write carries the target token of the plan and writes only the source value of
 * the plan (re-read and checked against its hash): if either side moved, the item is a conflict and is
 * not written. Where the target offers transactions (ZooKeeper multi, etcd txn, Consul txn) the writes go out in batches
 * (sync.batched.ts), otherwise one by one, WRITE_WINDOW at a time. Once the target stops answering (or
 * the job is cancelled) the remaining items are skipped; running the sync again converges.
 */
export async function applySync(
  plan: SyncPlan,
  source: Source,
  target: Source,
  options: ApplyOptions,
  job: JobContext = {},
): Promise<SyncReport> {
  const started = performance.now();
  const store = admittedStore(target, options.permit);
  const writer = new SyncWriter(store, target.root, options.auditor, plan.syncId);
  const selected = plan.items.filter((item) => item.selected);
  const run = new ApplyRun(selected, job);
  const needsParents = KIND_DESCRIPTORS[store.profile.kind].parentsMustExist;
  const folders = new FolderMaker(writer, target.root, plan.targetAncestors);

  /** The source value the plan saw, re-read; a source that moved is an audited conflict. */
  const pinnedValue = async (item: SyncItem): Promise<Buffer> => {
    const current = await source.read(item.path);
    if (current === null || hashBytes(current.value) !== item.sourceHash) {
      return writer.sourceMoved(item.action === 'create' ? 'create' : 'set', item.path);
    }
    return current.value;
  };

  /** Where nodes need their parents (ZooKeeper), the missing ones are made as empty folders first. */
  const ensureParents = async (item: SyncItem): Promise<void> => {
    if (needsParents) for (const ancestor of ancestorsOf(item.path).slice(1)) await folders.ensure(ancestor);
  };

  const applyOne = async (item: SyncItem): Promise<void> => {
    if (item.action === 'delete') return writer.delete(item.path, item.targetToken);
    const value = await pinnedValue(item);
    if (item.action === 'update') return writer.update(item.path, value, item.targetToken);
    await ensureParents(item);
    await writer.create(item.path, value);
    folders.created(item.path);
  };

  const prepare = async (item: SyncItem): Promise<PreparedWrite | null> => {
    if (item.action === 'delete') return writer.prepareDelete(item.path, item.targetToken);
    const value = await pinnedValue(item);
    if (item.action === 'update') return writer.prepareUpdate(item.path, value, item.targetToken);
    // Parents are made before the batch (creates of one batch share a depth, see below).
    await ensureParents(item);
    return writer.prepareCreate(item.path, value);
  };
  const applied = (item: SyncItem): void => {
    if (item.action === 'create') folders.created(item.path);
  };

  const batch = store.session.batch;
  const write = (items: SyncItem[]): Promise<void> =>
    batch === undefined
      ? run.each(items, WRITE_WINDOW, async (item) => {
          await applyOne(item);
          run.settle(item, 'applied', null);
        })
      : applyInBatches(items, batch, writer, run, { prepare, applyOne, applied, window: WRITE_WINDOW });

  const creates = selected.filter((item) => item.action === 'create');
  try {
    if (needsParents && creates.length > 0) await ensureRoot(writer, target.root);
  } catch (thrown) {
    run.stop(toAppError(thrown));
  }
  // Parents first where a node needs its parent; elsewhere creates are independent (and batch fully).
  for (const group of needsParents ? byDepth(creates) : [creates]) await write(group);
  await write(selected.filter((item) => item.action === 'update'));
  const deletes = selected.filter((item) => item.action === 'delete');
  // Deepest first: a key whose children all go is then deleted, not emptied (SyncWriter.delete).
  for (const group of byDepth(deletes, true)) await write(group);
  if (run.open) {
    const deleted = deletes.filter((item) => run.outcome(item) === 'applied').map((item) => item.path);
    const keep = new Set(selected.filter((item) => item.action !== 'delete').map((item) => item.path));
    // Best effort: a folder that cannot go now is reported again by the next diff.
    await folders.prune(deleted, keep).catch(() => undefined);
  }
  return run.report(plan, Math.round(performance.now() - started));
}
