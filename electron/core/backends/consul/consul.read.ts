import { AppError } from '../../../../shared/errors.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { keysUnder, readKey, readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { folderValue } from '../node-value.js';
import { keyValue, lockHolder } from './consul.meta.js';
import { resolvePath } from './consul.paths.js';
import type { KvEntry } from './consul.schemas.js';

/** A node read right after its level was listed reuses that listing for its child count. */
const CHILD_COUNT_MAX_AGE_MS = 2000;

/** The NodeValue of a value key, with its lock holder looked up when a session holds it. */
export async function entryValue(
  ctx: KvContext,
  path: string,
  entry: KvEntry,
  childCount: number,
  maxBytes: number,
): Promise<NodeValue> {
  const holder = entry.Session ? await lockHolder(ctx.http, entry.Session) : null;
  return keyValue(path, entry, holder, childCount, maxBytes);
}

/** The value and metadata at `path`; NOT_FOUND when neither a key nor keys below it exist. */
export async function getNode(ctx: KvContext, path: string, maxBytes: number): Promise<NodeValue> {
  const node = resolvePath(path);
  const what = `Reading ${path}`;
  const [keys, level] = await Promise.all([
    readKeys(ctx.http, node, what),
    ctx.levels.get(node.folderKey, CHILD_COUNT_MAX_AGE_MS, what),
  ]);
  const entry = valueEntry(keys);
  const childCount = level.entries.length;
  if (entry) return entryValue(ctx, path, entry, childCount, maxBytes);
  if (childCount > 0 || node.isRoot) return folderValue(path, childCount);
  throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
}

/** Number of keys in the subtree of `path`: its own key(s) and every key below `key/`. */
export async function countSubtree(ctx: KvContext, path: string): Promise<number> {
  const node = resolvePath(path);
  const what = `Counting ${path}`;
  if (node.isRoot) return (await keysUnder(ctx.http, '', what)).length;
  const [below, plain] = await Promise.all([
    keysUnder(ctx.http, node.folderKey, what),
    readKey(ctx.http, node.key, what),
  ]);
  return below.length + (plain ? 1 : 0);
}
