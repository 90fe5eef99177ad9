import { toAppError } from '../api/to-app-error.js';
import { batchWriteBytes, type BatchWriter } from '../backends/batch.js';
import { stopsTheApply, type ApplyRun } from './sync.run.js';
import type { SyncItem } from './sync.types.js';
import type { PreparedWrite, SyncWriter } from './sync.writer.js';

/** How one item is checked and turned into a batch write (null: it is written on its own). */
export type PrepareItem = (item: SyncItem) => Promise<PreparedWrite | null>;
/** How one item is written on its own (audited, settled by the caller). */
export type ApplyItem = (item: SyncItem) => Promise<void>;

/** Chunks worked on at once: one being checked while another is being written. */
const CHUNKS_IN_FLIGHT = 2;

interface Ready {
  /** Position in the chunk: batches keep plan order. */
  index: number;
  item: SyncItem;
  prepared: PreparedWrite;
}

/** Splits ready writes into batches within the writer's count and byte limits (a big value goes alone). */
function batchesOf(ready: readonly Ready[], writer: BatchWriter): Ready[][] {
  const batches: Ready[][] = [];
  let current: Ready[] = [];
  let bytes = 0;
  for (const entry of ready) {
    const size = batchWriteBytes(entry.prepared.write);
    if (current.length > 0 && (current.length >= writer.maxWrites || bytes + size > writer.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Writes items in transactions of the target (ZooKeeper multi, etcd txn, Consul txn), a chunk at a time: the items of a
 * chunk are checked in parallel (`window` wide: source value re-read against its hash, target token
 * against the plan), then go out as one or a few batches, each write guarded by the planned token.
 * A batch that fails because something moved (or cannot be expressed) wrote nothing; its items are
 * then written one by one, which finds the conflicting ones. A batch that fails because the target is
 * gone stops the apply, its items audited and reported as failed.
 */
export async function applyInBatches(
  items: readonly SyncItem[],
  batch: BatchWriter,
  writer: SyncWriter,
  run: ApplyRun,
  step: {
    prepare: PrepareItem;
    applyOne: ApplyItem;
    /** Told about each item a batch applied (items written one by one are not: applyOne sees them). */
    applied: (item: SyncItem) => void;
    window: number;
  },
): Promise<void> {
  const one = async (item: SyncItem): Promise<void> => {
    await step.applyOne(item);
    run.settle(item, 'applied', null);
  };

  const commit = async (entries: Ready[]): Promise<void> => {
    const prepared = entries.map((entry) => entry.prepared);
    try {
      await writer.commit(batch, prepared);
      for (const { item } of entries) {
        step.applied(item);
        run.settle(item, 'applied', null);
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      if (!stopsTheApply(error)) {
        await run.each(
          entries.map((entry) => entry.item),
          step.window,
          one,
        );
        return;
      }
      // Audit what could not be written; a failing audit log must not hide the target's failure.
      await writer.recordFailed(prepared, error).catch(() => undefined);
      for (const { item } of entries) run.settle(item, 'failed', error);
      run.stop(error);
    }
  };

  const applyChunk = async (chunk: readonly SyncItem[]): Promise<void> => {
    const ready: Ready[] = [];
    const alone: SyncItem[] = [];
    const positions = new Map(chunk.map((item, index) => [item, index]));
    await run.each(chunk, step.window, async (item) => {
      const prepared = await step.prepare(item);
      if (prepared === null) alone.push(item);
      else ready.push({ index: positions.get(item)!, item, prepared });
    });
    ready.sort((a, b) => a.index - b.index);
    for (const entries of batchesOf(ready, batch)) if (run.open) await commit(entries);
    await run.each(alone, step.window, one);
  };

  // While one chunk's transaction is on its way, the next chunk is being checked.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && run.open) {
      const start = next;
      next += batch.maxWrites;
      await applyChunk(items.slice(start, start + batch.maxWrites));
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, worker));
}
