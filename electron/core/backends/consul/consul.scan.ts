import { scannedKey, throwIfCancelled, type ScannedNode } from '../subtree.scan.js';
import { entryBytes, type KvContext } from './consul.kv.js';
import { mapBounded } from './consul.pool.js';
import { kvPath, resolvePath } from './consul.paths.js';
import { KeyListSchema, parseJson } from './consul.schemas.js';
import { TXN_MAX_OPS } from './consul.limits.js';
import { getMany } from './consul.txn.js';
import type { SessionOperation } from '../kit/session.operation.js';

/** Read-only transactions in flight at once while values are fetched. */
const READ_WINDOW = 4;

interface Wanted {
  key: string;
  path: string;
}

/**
 * The keys below the root that are nodes, each once: `a/b` and the folder key `a/b/` are both the node
 * `/a/b` (consul.paths.ts), whose value is that of `a/b` when it exists, so `a/b/` is then not read.
 * Keys with an empty level (`a//b`) have no path and are left out, as in listings.
 */
function nodesOf(keys: readonly string[], prefix: string, skip: (path: string) => boolean): Wanted[] {
  const plain = new Set(keys.filter((key) => !key.endsWith('/')));
  const wanted: Wanted[] = [];
  for (const key of keys) {
    if (key.length <= prefix.length || !key.startsWith(prefix)) continue;
    const name = key.endsWith('/') ? key.slice(0, -1) : key;
    if (name !== key && plain.has(name)) continue;
    if (name.startsWith('/') || name.includes('//')) continue;
    const path = `/${name}`;
    if (!skip(path)) wanted.push({ key, path });
  }
  return wanted;
}

/**
 * Every node below `path` with its value, for diff and export: one listing of the key names below the
 * root (`?keys`), then the values in read-only transactions of 64 gets, a page at a time, so no more than
 * a page of values is held at once (a single `?recurse` read would hold the whole subtree's values).
 */
export const scanConsulSubtree: SessionOperation<KvContext, 'scanSubtree'> = async function* (
  ctx,
  path,
  options,
) {
  const root = resolvePath(path);
  const what = `Reading ${path}`;
  const signal = options.signal;
  throwIfCancelled(signal);
  const listing = await ctx.http.request({
    what,
    path: kvPath(root.folderKey),
    query: { keys: true },
    accept: [404],
    ...(signal ? { signal } : {}),
  });
  if (listing.status === 404) return;
  const wanted = nodesOf(parseJson(listing, KeyListSchema, what), root.folderKey, options.skip);
  const pageSize = Math.max(TXN_MAX_OPS, options.pageSize);
  for (let start = 0; start < wanted.length; start += pageSize) {
    throwIfCancelled(signal);
    const page = wanted.slice(start, start + pageSize);
    const chunks: Wanted[][] = [];
    for (let i = 0; i < page.length; i += TXN_MAX_OPS) chunks.push(page.slice(i, i + TXN_MAX_OPS));
    const read = await mapBounded(chunks, READ_WINDOW, (chunk) =>
      getMany(
        ctx,
        chunk.map((node) => node.key),
        what,
        signal,
      ),
    );
    const nodes: ScannedNode[] = [];
    read.flat().forEach((entry, i) => {
      // Gone since the listing: not part of the picture any more.
      if (entry !== null) nodes.push(scannedKey(page[i]!.path, entryBytes(entry), entry.ModifyIndex));
    });
    if (nodes.length > 0) yield nodes;
  }
};
