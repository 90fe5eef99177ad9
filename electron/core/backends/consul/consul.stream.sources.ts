import type { Blocking } from './consul.blocking.js';
import type { KvContext } from './consul.kv.js';
import type { ConsulNode } from './consul.paths.js';
import { kvPath } from './consul.paths.js';
import { kvJson, KvEntriesSchema, parseJson, type KvEntry } from './consul.schemas.js';

/** One blocking query of a stream: a key alone, or every key below a prefix (`?recurse`). */
export interface StreamSource {
  read(
    blocking: Blocking | null,
    signal: AbortSignal,
  ): Promise<{ value: KvEntry[]; index: string | null; filteredByAcls: boolean }>;
}

function source(ctx: KvContext, key: string, recurse: boolean, what: string): StreamSource {
  return {
    read: async (blocking, signal) => {
      const response = await ctx.http.request({
        what,
        path: kvPath(key),
        query: { recurse, index: blocking?.index, wait: blocking?.wait },
        accept: [404],
        signal,
        ...(blocking ? { timeoutMs: blocking.timeoutMs } : {}),
      });
      const entries = response.status === 404 ? [] : parseJson(response, KvEntriesSchema, what, kvJson);
      // A key read answers that key alone; a prefix read only keys below it (never a sibling `a/bc`).
      const wanted = recurse
        ? entries.filter((e) => e.Key.startsWith(key))
        : entries.filter((e) => e.Key === key);
      return { value: wanted, index: response.index, filteredByAcls: response.filteredByAcls };
    },
  };
}

/**
 * The blocking queries that cover a node: its two value keys (`a/b`, `a/b/`), or for the subtree the key
 * `a/b` and everything below `a/b/` (the root: every key). A subtree query on the prefix `a/b/` rather
 * than `a/b` keeps siblings such as `a/bc/…` out of every answer.
 */
export function streamSources(
  ctx: KvContext,
  node: ConsulNode,
  recursive: boolean,
  what: string,
): StreamSource[] {
  if (node.isRoot) return [source(ctx, '', true, what)];
  if (!recursive) return [source(ctx, node.key, false, what), source(ctx, node.folderKey, false, what)];
  return [source(ctx, node.key, false, what), source(ctx, node.folderKey, true, what)];
}
