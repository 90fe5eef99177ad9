import { AppError } from '../../../../shared/errors.js';
import { entryBytes, keysUnder, readKeys, valueEntry, type KvContext, type NodeKeys } from './consul.kv.js';
import type { KvEntry } from './consul.schemas.js';
import { MOVED, writeGuardedByRead, type Moved } from '../kit/guarded-by-read.js';
import { resolvePath, type ConsulNode } from './consul.paths.js';
import { runTxn, type TxnOp } from './consul.txn.js';
import { conflictError, parseToken } from './consul.write.js';
import type { SessionOperation } from '../kit/session.operation.js';
import type { DeleteResult } from '../backend.js';

/** The guard of a recursive delete: the node's value key still at the index read, or still no value key. */
function valueGuard(node: ConsulNode, shown: KvEntry | null): TxnOp[] {
  if (shown !== null) return [{ verb: 'check-index', key: shown.Key, index: shown.ModifyIndex }];
  return [
    { verb: 'check-not-exists', key: node.key },
    { verb: 'check-not-exists', key: node.folderKey },
  ];
}

/**
 * Deletes the key `a`, the folder key `a/` and every key below it in one transaction, guarded by the
 * node's value as read (kit/guarded-by-read.ts), so the value before is exactly the one deleted.
 */
async function deleteRecursive(ctx: KvContext, node: ConsulNode, what: string): Promise<DeleteResult> {
  const { current, written } = await writeGuardedByRead(
    async () => {
      const [below, keys] = await Promise.all([
        keysUnder(ctx.http, node.folderKey, what),
        readKeys(ctx.http, node, what),
      ]);
      // `a/` is among the keys below; `a` is not.
      const count = below.length + (keys.plain ? 1 : 0);
      if (count === 0) throw new AppError('NOT_FOUND', `No key exists at or below ${node.path}.`);
      return { count, shown: valueEntry(keys) };
    },
    async ({ count, shown }, guarded): Promise<number | Moved> => {
      const ops: TxnOp[] = [
        ...(guarded ? valueGuard(node, shown) : []),
        { verb: 'delete-tree', key: node.folderKey },
        { verb: 'delete', key: node.key },
      ];
      return (await runTxn(ctx, ops, what)).committed ? count : MOVED;
    },
  );
  // The count was read just before; keys written below in between go too but are not counted.
  return { deleted: written, before: current.shown === null ? null : entryBytes(current.shown) };
}

/** The keys of a node without children about to be deleted; `token` checked when given. */
async function leafToDelete(
  ctx: KvContext,
  node: ConsulNode,
  expected: string | null,
  what: string,
): Promise<{ keys: NodeKeys; target: KvEntry }> {
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
  return { keys, target };
}

/**
 * Deletes a node without children: its value key (checked against `token` when given, else against
 * the index read, see kit/guarded-by-read.ts) and, when both exist, the other of `a` / `a/` too, so
 * the node is gone afterwards.
 */
async function deleteLeaf(
  ctx: KvContext,
  node: ConsulNode,
  token: string | null,
  what: string,
): Promise<DeleteResult> {
  const expected = token === null ? null : parseToken(token);
  const { current, written } = await writeGuardedByRead(
    () => leafToDelete(ctx, node, expected, what),
    async ({ keys, target }, guarded): Promise<number | Moved> => {
      const index = expected ?? (guarded ? target.ModifyIndex : null);
      const ops: TxnOp[] = [
        index === null ? { verb: 'delete', key: target.Key } : { verb: 'delete-cas', key: target.Key, index },
      ];
      if (keys.plain && keys.folder) ops.push({ verb: 'delete', key: keys.folder.Key });
      if ((await runTxn(ctx, ops, what)).committed) return ops.length;
      if (expected === null) return MOVED;
      const now = valueEntry(await readKeys(ctx.http, node, what));
      if (now === null) throw new AppError('NOT_FOUND', `No key exists at ${node.path}.`);
      throw conflictError(node.path, now);
    },
  );
  return { deleted: written, before: entryBytes(current.target) };
}

/** Deletes `path` (with everything below when recursive); returns the number of keys removed. */
export const deleteNode: SessionOperation<KvContext, 'delete'> = async (ctx, path, options) => {
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
};
