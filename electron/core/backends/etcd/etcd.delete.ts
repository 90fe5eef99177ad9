import type { IRequestOp } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import type { DeleteOptions } from '../backend.js';
import { resolvePath, type EtcdNode } from './etcd.paths.js';
import { conflictDetails } from './etcd.read.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { parseToken, writableKey } from './etcd.write.js';

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
async function deleteRecursive(rpc: EtcdRpc, node: EtcdNode, key: Buffer): Promise<number> {
  const ops: IRequestOp[] = [{ request_delete_range: { key } }];
  for (const range of node.below)
    ops.push({ request_delete_range: { key: range.start, range_end: range.end } });
  const response = await rpc.txn(`Deleting ${node.path}`, [], ops);
  return response.responses.reduce((sum, r) => sum + Number(r.response_delete_range.deleted), 0);
}

/** Deletes the single key, checking its token when given. */
async function deleteKey(rpc: EtcdRpc, node: EtcdNode, key: Buffer, token: string | null): Promise<number> {
  const what = `Deleting ${node.path}`;
  if (token === null) {
    const response = await rpc.call(what, (client) => client.kv.deleteRange({ key }));
    return Number(response.deleted);
  }
  const compare = [
    { key, target: 'Mod' as const, result: 'Equal' as const, mod_revision: parseToken(token) },
  ];
  const response = await rpc.txn(
    what,
    compare,
    [{ request_delete_range: { key } }],
    [{ request_range: { key } }],
  );
  if (response.succeeded) return Number(response.responses[0]?.response_delete_range.deleted ?? 0);
  const current = response.responses[0]?.response_range.kvs[0];
  if (current === undefined) return 0;
  throw new AppError(
    'CONFLICT',
    `${node.path} was changed by someone else since it was read (now at revision ${current.mod_revision}).`,
    conflictDetails(current),
  );
}

/** Deletes `path` (with everything below when recursive); returns the number of keys removed. */
export async function deleteNode(
  rpc: EtcdRpc,
  path: string,
  options: DeleteOptions,
): Promise<{ deleted: number }> {
  const node = resolvePath(path);
  if (node.isRoot)
    throw new AppError('INVALID_INPUT', 'Refusing to delete the root: delete the top-level keys one by one.');
  const key = writableKey(node);
  let deleted: number;
  if (options.recursive) {
    deleted = await deleteRecursive(rpc, node, key);
  } else {
    if (await hasKeysBelow(rpc, node)) {
      throw new AppError('NOT_EMPTY', `${path} has keys below it; delete them first or delete recursively.`);
    }
    deleted = await deleteKey(rpc, node, key, options.token);
  }
  if (deleted === 0) throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
  return { deleted };
}
