import type { ICompare, IRequestOp } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { batchWriter, describeBatch, type BatchWrite, type BatchWriter } from '../batch.js';
import { resolvePath } from './etcd.paths.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { parseToken, writableKey } from './etcd.write.js';

/**
 * etcd's default --max-txn-ops is 128 (it limits the compares and the success ops separately), and
 * its default --max-request-bytes is 1.5 MiB: one batch stays within both defaults.
 */
const MAX_WRITES = 128;
const MAX_BYTES = 1024 * 1024;

/** The guard and the operation of one write. */
function opsOf(write: BatchWrite): { compare: ICompare; op: IRequestOp } {
  const key = writableKey(resolvePath(write.path));
  // A create, or a token of '0', means "must not exist".
  const revision = write.op === 'create' ? '0' : parseToken(write.token);
  const compare: ICompare =
    revision === '0'
      ? { key, target: 'Create', result: 'Equal', create_revision: 0 }
      : { key, target: 'Mod', result: 'Equal', mod_revision: revision };
  if (write.op === 'delete') return { compare, op: { request_delete_range: { key } } };
  // An overwritten key keeps its lease, as a single save does (etcd.write.ts).
  const put =
    revision === '0' ? { key, value: write.value } : { key, value: write.value, ignore_lease: true };
  return { compare, op: { request_put: put } };
}

/** Many guarded writes in one etcd transaction: one revision, all or nothing. */
export function etcdBatchWriter(rpc: EtcdRpc): BatchWriter {
  return batchWriter('etcd', { maxWrites: MAX_WRITES, maxBytes: MAX_BYTES }, async (writes) => {
    const ops = writes.map(opsOf);
    const response = await rpc.txn(
      `Writing ${describeBatch(writes)} in one transaction`,
      ops.map((o) => o.compare),
      ops.map((o) => o.op),
    );
    if (!response.succeeded) {
      throw new AppError(
        'CONFLICT',
        'A key of the batch was changed by someone else since it was read; nothing was written.',
      );
    }
  });
}
