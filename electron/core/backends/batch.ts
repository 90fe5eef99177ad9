import { AppError } from '../../../shared/errors.js';

/**
 * Guarded writes applied all or nothing, for stores with multi-key transactions (etcd txn, Consul txn).
 * The sync engine uses them to write many keys per round trip; every write carries the token its caller
 * saw, so a batch never overwrites a change it did not see.
 */
export type BatchWrite =
  /** Creates a key that must not exist yet. */
  | { op: 'create'; path: string; value: Buffer }
  /** Overwrites a value that must still be at `token`. */
  | { op: 'set'; path: string; value: Buffer; token: string }
  /** Deletes a key (not its children) that must still be at `token`. */
  | { op: 'delete'; path: string; token: string };

export interface BatchWriter {
  /** Most writes one batch may hold (the store's transaction limit, with room for the guards). */
  readonly maxWrites: number;
  /** Most value bytes one batch should carry (the store's request size limit, with room to spare). */
  readonly maxBytes: number;
  /**
   * Applies every write or none. Rejects with CONFLICT, having written nothing, when any guard failed;
   * with INVALID_INPUT when a write cannot be expressed in a batch (the caller then writes one by one).
   */
  apply(writes: readonly BatchWrite[]): Promise<void>;
}

/** Value bytes a write carries. */
export function batchWriteBytes(write: BatchWrite): number {
  return write.op === 'delete' ? 0 : write.value.length;
}

/** A batch writer from a store's limits and its transaction; refuses batches over the write limit. */
export function batchWriter(
  store: string,
  limits: { maxWrites: number; maxBytes: number },
  commit: (writes: readonly BatchWrite[]) => Promise<void>,
): BatchWriter {
  return {
    ...limits,
    apply(writes) {
      if (writes.length > limits.maxWrites) {
        const error = new AppError(
          'INVALID_INPUT',
          `A ${store} batch holds at most ${limits.maxWrites} writes.`,
        );
        return Promise.reject(error);
      }
      return commit(writes);
    },
  };
}

/** Names a batch in messages: its first path, and how many more it holds. */
export function describeBatch(writes: readonly BatchWrite[]): string {
  const first = writes[0]?.path ?? '(nothing)';
  return writes.length > 1 ? `${first} and ${writes.length - 1} more` : first;
}
