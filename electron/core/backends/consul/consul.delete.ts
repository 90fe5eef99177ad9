import { AppError } from '../../../../shared/errors.js';
import type { DeleteOptions } from '../backend.js';
import { entryBytes, keysUnder, readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { resolvePath, type ConsulNode } from './consul.paths.js';
import { runTxn, type TxnOp } from './consul.txn.js';
import { conflictError, parseToken } from './consul.write.js';

interface Removed {
  deleted: number;
  before: Buffer | null;
}

/** Deletes the key `a`, the folder key `a/` and every key below it in one transaction. */
async function deleteRecursive(ctx: KvContext, node: ConsulNode, what: string): Promise<Removed> {
  const [below, keys] = await Promise.all([
    keysUnder(ctx.http, node.folderKey, what),
    readKeys(ctx.http, node, what),
  ]);
  // `a/` is among the keys below; `a` is not.
  const count = below.length + (keys.plain ? 1 : 0);
  const shown = valueEntry(keys);
  if (count === 0) throw new AppError('NOT_FOUND', `No key exists at or below ${node.path}.`);
  await runTxn(
    ctx,
    [
      { verb: 'delete-tree', key: node.folderKey },
      { verb: 'delete', key: node.key },
    ],
    what,
  );
  // The count and the value were read just before; keys written below in between go too but are not counted.
  return { deleted: count, before: shown === null ? null : entryBytes(shown) };
}

/**
 * Deletes a node without children: its value key (checked against `token` when given) and, when
 * both exist, the other of `a` / `a/` too, so the node is gone afterwards.
 */
async function deleteLeaf(
  ctx: KvContext,
  node: ConsulNode,
  token: string | null,
  what: string,
): Promise<Removed> {
  const expected = token === null ? null : parseToken(token);
  const level = await ctx.levels.get(node.folderKey, 0, what);
  if (level.entries.length > 0) {
    throw new AppError(
      'NOT_EMPTY',
      `${node.path} has keys below it; delete them first or delete recursively.`,
    );
  }
  const keys = await readKeys(ctx.http, node, what);
  const target = valueEntry(keys);
  if (target === null) throw new AppError('NOT_FOUND', `No key exists at ${node.path}.`);
  if (expected !== null && target.ModifyIndex !== expected) throw conflictError(node.path, target);
  const ops: TxnOp[] = [
    expected === null
      ? { verb: 'delete', key: target.Key }
      : { verb: 'delete-cas', key: target.Key, index: expected },
  ];
  if (keys.plain && keys.folder) ops.push({ verb: 'delete', key: keys.folder.Key });
  const { committed } = await runTxn(ctx, ops, what);
  if (!committed) {
    const current = valueEntry(await readKeys(ctx.http, node, what));
    if (current === null) throw new AppError('NOT_FOUND', `No key exists at ${node.path}.`);
    throw conflictError(node.path, current);
  }
  return { deleted: ops.length, before: entryBytes(target) };
}

/** Deletes `path` (with everything below when recursive); returns the number of keys removed. */
export async function deleteNode(ctx: KvContext, path: string, options: DeleteOptions): Promise<Removed> {
  const node = resolvePath(path);
  if (node.isRoot) {
    throw new AppError('INVALID_INPUT', 'Refusing to delete the root: delete the top-level keys one by one.');
  }
  const what = `Deleting ${path}`;
  try {
    return options.recursive
      ? await deleteRecursive(ctx, node, what)
      : await deleteLeaf(ctx, node, options.token, what);
  } finally {
    // Cached listings of the parent and of anything below may now be wrong.
    ctx.levels.clear();
  }
}
