import type { IRequestOp } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { resolvePath, type EtcdNode } from './etcd.paths.js';
import { conflictDetails } from './etcd.read.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { parseToken, writableKey } from './etcd.write.js';
import type { SessionOperation } from '../kit/session.operation.js';
import type { DeleteResult } from '../backend.js';

async function hasKeysBelow(rpc: EtcdRpc, node: EtcdNode): Promise<boolean> {
  for (const range of node.below) {
    // keys_only + limit 1 rather than a count: the answer needs one key, not the size of the subtree.
    const response = await rpc.range(`Deleting ${node.path}`, {
      key: range.start,
      range_end: range.end,
      keys_only: true,
      limit: 1,
    });
    if (response.kvs.length > 0) return true;
  }
  return false;
}

/** Deletes the key and every key below it in one transaction; returns how many keys went. */
async function deleteRecursive(rpc: EtcdRpc, node: EtcdNode, key: Buffer): Promise<DeleteResult> {
  const ops: IRequestOp[] = [{ request_delete_range: { key, prev_kv: true } }];
  for (const range of node.below)
    ops.push({ request_delete_range: { key: range.start, range_end: range.end } });
  const response = await rpc.txn(`Deleting ${node.path}`, [], ops);
  const deleted = response.responses.reduce((sum, r) => sum + Number(r.response_delete_range.deleted), 0);
  return { deleted, before: response.responses[0]?.response_delete_range.prev_kvs[0]?.value ?? null };
}

/** Deletes the single key, checking its token when given. */
async function deleteKey(
  rpc: EtcdRpc,
  node: EtcdNode,
  key: Buffer,
  token: string | null,
): Promise<DeleteResult> {
  const what = `Deleting ${node.path}`;
  if (token === null) {
    const response = await rpc.call(what, (client) => client.kv.deleteRange({ key, prev_kv: true }));
    return { deleted: Number(response.deleted), before: response.prev_kvs[0]?.value ?? null };
  }
  const compare = [
    { key, target: 'Mod' as const, result: 'Equal' as const, mod_revision: parseToken(token) },
  ];
  const response = await rpc.txn(
    what,
    compare,
    [{ request_delete_range: { key, prev_kv: true } }],
    [{ request_range: { key } }],
  );
  if (response.succeeded) {
    const removed = response.responses[0]?.response_delete_range;
    return { deleted: Number(removed?.deleted ?? 0), before: removed?.prev_kvs[0]?.value ?? null };
  }
  const current = response.responses[0]?.response_range.kvs[0];
  if (current === undefined) return { deleted: 0, before: null };
  throw new AppError(
    'CONFLICT',
    `${node.path} was changed by someone else since it was read (now at revision ${current.mod_revision}).`,
    conflictDetails(current),
  );
}

/** Deletes `path` (with everything below when recursive); returns the number of keys removed. */
export const deleteNode: SessionOperation<EtcdRpc, 'delete'> = async (rpc, path, options) => {
  const node = resolvePath(path);
  if (node.isRoot)
    throw new AppError('INVALID_INPUT', 'Refusing to delete the root: delete the top-level keys one by one.');
  const key = writableKey(node);
  let removed: DeleteResult;
  if (options.recursive) {
    removed = await deleteRecursive(rpc, node, key);
  } else {
    if (await hasKeysBelow(rpc, node)) {
      throw new AppError('NOT_EMPTY', `${path} has keys below it; delete them first or delete recursively.`);
    }
    removed = await deleteKey(rpc, node, key, options.token);
  }
  if (removed.deleted === 0) throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
  return removed;
};
