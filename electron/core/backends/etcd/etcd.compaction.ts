import { AppError, isAppError } from '../../../../shared/errors.js';
import type { EtcdRpc } from './etcd.rpc.js';

const COMPACTED = /required revision has been compacted/i;
const FUTURE = /required revision is a future revision/i;

function reasonOf(error: unknown): string {
  const cause = isAppError(error) && error.cause instanceof Error ? error.cause.message : '';
  return `${error instanceof Error ? error.message : String(error)} ${cause}`;
}

/** Whether `key` can be read at `revision`: 'compacted', or 'kept' (a future revision counts as kept). */
async function probe(rpc: EtcdRpc, key: Buffer, revision: bigint): Promise<'compacted' | 'kept'> {
  try {
    await rpc.range(`Reading revision ${revision}`, { key, revision: revision.toString(), count_only: true });
    return 'kept';
  } catch (error) {
    const reason = reasonOf(error);
    if (COMPACTED.test(reason)) return 'compacted';
    if (FUTURE.test(reason)) return 'kept';
    throw error;
  }
}

/**
 * The sentence naming a compacted revision ("Revision 3 was compacted; the oldest revision kept is 9."), or
 * null when `revision` is still kept. etcd does not report its compaction revision through the API, so the
 * oldest kept one is found by bisection between `revision` and the current revision (a few dozen cheap
 * count-only reads at most, on this failure path only).
 */
export async function compactedRevision(
  rpc: EtcdRpc,
  key: Buffer,
  revision: bigint,
): Promise<AppError | null> {
  const oldest = await oldestRevisionKept(rpc, key, revision);
  if (oldest === revision) return null;
  return new AppError(
    'NOT_FOUND',
    `Revision ${revision} was compacted; the oldest revision kept is ${oldest}.`,
  );
}

/**
 * The oldest revision at or after `from` that can still be read (`from` itself when it was not compacted),
 * found by bisection up to the current revision.
 */
export async function oldestRevisionKept(rpc: EtcdRpc, key: Buffer, from: bigint): Promise<bigint> {
  if ((await probe(rpc, key, from)) === 'kept') return from;
  const current = await rpc.range('Reading the current revision', { key, count_only: true });
  let low = from + 1n;
  let high = BigInt(current.header.revision);
  while (low < high) {
    const middle = (low + high) / 2n;
    if ((await probe(rpc, key, middle)) === 'compacted') low = middle + 1n;
    else high = middle;
  }
  return low;
}
