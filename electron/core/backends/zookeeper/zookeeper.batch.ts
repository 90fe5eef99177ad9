import { AppError, isAppError } from '../../../../shared/errors.js';
import { batchWriter, describeBatch, type BatchWrite, type BatchWriter } from '../batch.js';
import type { MultiOp } from './client/index.js';
import { tokenToVersion } from './zookeeper.conflict.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { assertBatchSize } from './zookeeper.values.js';

/** ZooKeeper has no limit on the ops of a multi, but a request may not pass jute.maxbuffer (1 MiB by default). */
const MAX_WRITES = 128;
const MAX_BYTES = 512 * 1024;
/** What a failed op of a multi says when something moved since it was read. */
const MOVED = new Set(['NODE_EXISTS', 'CONFLICT', 'NOT_FOUND', 'NOT_EMPTY']);

/** A planned write as an op of a multi: plain nodes with the open ACL, as a single create makes them. */
function toOp(write: BatchWrite): MultiOp {
  if (write.op === 'create') return { op: 'create', path: write.path, data: write.value };
  const version = tokenToVersion(write.token);
  if (write.op === 'set') return { op: 'setData', path: write.path, data: write.value, version };
  return { op: 'delete', path: write.path, version };
}

/**
 * Many guarded writes in one ZooKeeper multi: all applied or none. A create fails when the node exists,
 * a setData or delete when the version moved (the planned token), so nothing is overwritten unseen.
 */
export function zooKeeperBatchWriter(ops: ZooKeeperOps): BatchWriter {
  return batchWriter('ZooKeeper', { maxWrites: MAX_WRITES, maxBytes: MAX_BYTES }, async (writes) => {
    assertBatchSize(
      writes.map((write) => ({ path: write.path, value: write.op === 'delete' ? null : write.value })),
    );
    try {
      await ops.multi(writes.map(toOp), `${describeBatch(writes)} in one transaction`);
    } catch (error) {
      if (isAppError(error) && MOVED.has(error.code)) {
        throw new AppError(
          'CONFLICT',
          'A node of the batch was changed by someone else since it was read; nothing was written.',
        );
      }
      throw error;
    }
  });
}
