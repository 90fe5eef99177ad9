import { AppError, isAppError } from '../../../../shared/errors.js';
import { batchWriter, describeBatch, type BatchWrite, type BatchWriter } from '../batch.js';
import { callZk } from './zookeeper.call.js';
import { tokenToVersion } from './zookeeper.conflict.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { transactionOps } from './zookeeper.internals.js';
import { assertBatchSize } from './zookeeper.values.js';
import type { Transaction } from 'node-zookeeper-client';

/** ZooKeeper has no limit on the ops of a multi, but a request may not pass jute.maxbuffer (1 MiB by default). */
const MAX_WRITES = 128;
const MAX_BYTES = 512 * 1024;
/** Library CreateMode.PERSISTENT: sync creates plain nodes, with the open ACL a single create uses. */
const PERSISTENT = 0;
/** What a failed op of a multi says when something moved since it was read. */
const MOVED = new Set(['NODE_EXISTS', 'CONFLICT', 'NOT_FOUND', 'NOT_EMPTY']);

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
      // Built inside the call: the library asserts paths synchronously, and callZk maps that to INVALID_INPUT.
      await callZk<void>(ops.ctx, 'write', 'write', `${describeBatch(writes)} in one transaction`, (done) => {
        const transaction = ops.client.transaction();
        for (const write of writes) add(transaction, write);
        transaction.commit((error) => done(error, undefined));
      });
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

function add(transaction: Transaction, write: BatchWrite): void {
  if (write.op === 'create') {
    transaction.create(write.path, write.value, PERSISTENT);
    return;
  }
  const version = tokenToVersion(write.token);
  if (write.op === 'set') transaction.setData(write.path, write.value, version);
  else transaction.remove(write.path, version);
  // The library would send version 0 as -1 (any version); see zookeeper.internals.ts.
  transactionOps(transaction).at(-1)!.version = version;
}
