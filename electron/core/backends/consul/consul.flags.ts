import type { FlagsApi } from '../flags.api.js';
import { entryBytes, readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { kvPath } from './consul.paths.js';
import { conflictError, levelOf, parseToken, writableNode } from './consul.write.js';

/** Consul KV flags read and written on their own: a PUT of the same value with `?flags=` and `?cas=`. */
export function consulFlags(ctx: KvContext): FlagsApi {
  const entryOf = async (path: string, what: string) => {
    const node = writableNode(path);
    return { node, entry: valueEntry(await readKeys(ctx.http, node, what)) };
  };
  return {
    async get(path) {
      const { entry } = await entryOf(path, `Reading the flags of ${path}`);
      return entry === null
        ? null
        : { flags: entry.Flags, value: entryBytes(entry), token: entry.ModifyIndex };
    },
    async set(path, flags, token) {
      const what = `Setting the flags of ${path}`;
      const cas = parseToken(token);
      const { node, entry } = await entryOf(path, what);
      if (entry === null || entry.ModifyIndex !== cas) throw conflictError(path, entry);
      const response = await ctx.http.request({
        what,
        method: 'PUT',
        path: kvPath(entry.Key),
        query: { flags: parseToken(flags), cas },
        body: entryBytes(entry),
      });
      ctx.levels.invalidate(levelOf(node));
      if (response.body.toString('utf8').trim() !== 'true') {
        throw conflictError(path, valueEntry(await readKeys(ctx.http, node, what)));
      }
    },
  };
}
