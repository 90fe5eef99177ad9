import { throwIfCancelled, type ScannedNode, type ScanOptions } from '../subtree.scan.js';
import { entryBytes, type KvContext } from './consul.kv.js';
import { kvPath, resolvePath } from './consul.paths.js';
import { kvJson, KvEntriesSchema, parseJson } from './consul.schemas.js';

/**
 * Every node below `path` with its value for diff and export, from ONE recursive read of the subtree
 * (`?recurse`: Consul has no paging, but one request instead of two reads per key makes a 100,000-key
 * diff take seconds, not minutes; answers are capped at 256 MiB by the transport, TOO_LARGE beyond).
 * Keys map onto nodes as in consul.paths.ts: `a/b` and the folder key `a/b/` are both the node `/a/b`,
 * whose value is that of `a/b` when it exists. Consul sends keys sorted, so `a/b` comes before `a/b/`
 * (though not always right before it: `a/b-c` sorts between them). Keys with an empty level (`a//b`) have no path and are left out, as in listings.
 */
export async function* scanConsulSubtree(
  ctx: KvContext,
  path: string,
  options: ScanOptions,
): AsyncGenerator<ScannedNode[]> {
  const root = resolvePath(path);
  throwIfCancelled(options.signal);
  const what = `Reading ${path}`;
  const response = await ctx.http.request({
    what,
    path: kvPath(root.folderKey),
    query: { recurse: true },
    accept: [404],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 404) return;
  const entries = parseJson(response, KvEntriesSchema, what, kvJson);
  /** Plain keys seen: the folder key of one of them, when it follows, holds a hidden value. */
  const plain = new Set<string>();
  let page: ScannedNode[] = [];
  for (const entry of entries) {
    const key = entry.Key;
    if (key.length <= root.folderKey.length || !key.startsWith(root.folderKey)) continue;
    const isFolderKey = key.endsWith('/');
    const name = isFolderKey ? key.slice(0, -1) : key;
    const nodePath = `/${name}`;
    if (name.startsWith('/') || name.includes('//')) continue;
    if (!isFolderKey) plain.add(name);
    else if (plain.has(name)) continue;
    if (options.skip(nodePath)) continue;
    page.push({
      path: nodePath,
      value: entryBytes(entry),
      token: entry.ModifyIndex,
      childCount: null,
      ephemeral: false,
    });
    if (page.length >= options.pageSize) {
      yield page;
      page = [];
      throwIfCancelled(options.signal);
    }
  }
  if (page.length > 0) yield page;
}
