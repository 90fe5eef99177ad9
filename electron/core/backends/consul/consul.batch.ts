import { AppError } from '../../../../shared/errors.js';
import { batchWriter, describeBatch, type BatchWrite, type BatchWriter } from '../batch.js';
import { readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { resolvePath } from './consul.paths.js';
import { TXN_MAX_OPS } from './consul.limits.js';
import { runTxn, type TxnOp } from './consul.txn.js';
import { levelOf, parseToken, writableNode } from './consul.write.js';

/** A write takes at most two operations (a guard and a write, or two deletes). */
const MAX_WRITES = TXN_MAX_OPS / 2;
/** Consul's txn_max_req_len defaults to 512 KiB and values travel as base64 (4/3 larger). */
const MAX_BYTES = 256 * 1024;

const conflict = (path: string): AppError =>
  new AppError(
    'CONFLICT',
    `${path} was changed by someone else since it was read; nothing of the batch was written.`,
  );

/**
 * The operations of one write. A create must find neither `a` nor the folder key `a/` (either would
 * be the node's value, see consul.paths.ts). A set or delete works on whichever key holds the value,
 * read first: the read settles which key and its flags (kept, as a single save keeps them), and the
 * cas verbs guard that nothing moved between that read and the transaction.
 */
async function opsOf(ctx: KvContext, write: BatchWrite, what: string): Promise<TxnOp[]> {
  const node = writableNode(write.path);
  if (write.op === 'create') {
    return [
      { verb: 'check-not-exists', key: node.folderKey },
      { verb: 'cas', key: node.key, value: write.value, index: '0' },
    ];
  }
  const token = parseToken(write.token);
  const keys = await readKeys(ctx.http, node, what);
  const entry = valueEntry(keys);
  if (token === '0' || entry === null || entry.ModifyIndex !== token) throw conflict(write.path);
  if (write.op === 'set') {
    return [{ verb: 'cas', key: entry.Key, value: write.value, flags: entry.Flags, index: token }];
  }
  const ops: TxnOp[] = [{ verb: 'delete-cas', key: entry.Key, index: token }];
  // The node is gone only when both of its keys are (a single delete does the same).
  if (keys.plain && keys.folder) ops.push({ verb: 'delete', key: keys.folder.Key });
  return ops;
}

/** Many guarded writes in one Consul transaction (PUT /v1/txn): all or nothing. */
export function consulBatchWriter(ctx: KvContext): BatchWriter {
  return batchWriter('Consul', { maxWrites: MAX_WRITES, maxBytes: MAX_BYTES }, async (writes) => {
    const what = `Writing ${describeBatch(writes)} in one transaction`;
    const ops = (await Promise.all(writes.map((write) => opsOf(ctx, write, what)))).flat();
    try {
      const { committed, errors } = await runTxn(ctx, ops, what);
      if (!committed) {
        const reason = errors[0] === undefined ? '' : ` (Consul: ${errors[0]})`;
        throw new AppError(
          'CONFLICT',
          `A key of the batch was changed by someone else since it was read; nothing was written${reason}.`,
        );
      }
    } finally {
      ctx.levels.invalidate(...writes.map((write) => levelOf(resolvePath(write.path))));
    }
  });
}
