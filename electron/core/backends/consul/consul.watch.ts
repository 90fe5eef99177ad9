import type { NodeChange } from '../backend.js';
import type { WatchOperation } from '../kit/session.operation.js';
import { runBlockingLoop, type Blocking, type BlockingQuery } from './consul.blocking.js';
import type { KvContext } from './consul.kv.js';
import { fetchLevel, type Level } from './consul.levels.js';
import { kvPath, resolvePath } from './consul.paths.js';
import { kvJson, KvEntriesSchema, parseJson, type KvEntry } from './consul.schemas.js';

/** One key as a blocking query: its entry, or null while it does not exist. */
function keyQuery(
  ctx: KvContext,
  key: string,
  what: string,
  onValue: (entry: KvEntry | null) => void,
): BlockingQuery<KvEntry | null> {
  return {
    run: async (blocking: Blocking | null, signal: AbortSignal) => {
      const response = await ctx.http.request({
        what,
        path: kvPath(key),
        query: blocking ? { index: blocking.index, wait: blocking.wait } : {},
        accept: [404],
        signal,
        ...(blocking ? { timeoutMs: blocking.timeoutMs } : {}),
      });
      const entries = response.status === 404 ? [] : parseJson(response, KvEntriesSchema, what, kvJson);
      return { value: entries.find((e) => e.Key === key) ?? null, index: response.index };
    },
    onValue,
  };
}

/** The children of a level as a blocking query on `prefix?keys&separator=/`. */
function levelQuery(
  ctx: KvContext,
  prefix: string,
  what: string,
  onValue: (level: Level) => void,
): BlockingQuery<Level> {
  return {
    run: async (blocking: Blocking | null, signal: AbortSignal) => {
      const answer = await fetchLevel(ctx.http, prefix, what, { blocking, signal });
      return { value: answer.level, index: answer.index };
    },
    onValue,
  };
}

/** What a listing says about the children: names and whether each is a key, a folder or both. */
function childrenSignature(level: Level): string {
  return JSON.stringify(level.entries.map((e) => [e.name, e.plain, e.folder]));
}

/**
 * Watches `path` with blocking queries: its keys `a` and `a/` (the node's value, see consul.paths.ts:
 * 'created', 'data', 'deleted') and, with `children`, the listing of its level ('children' when a
 * child appears, goes, or turns into a folder). Events come from comparing each answer with the
 * state kept so far, so a wake-up without a change (Consul allows those) reports nothing. `emit` is
 * the guarded emit of the session's watch registry. Returns the stop (it aborts the long polls).
 */
export const startWatch: WatchOperation<KvContext> = (ctx, path, options, emit) => {
  const node = resolvePath(path);
  const what = `Watching ${path}`;
  const controller = new AbortController();
  const report = (type: NodeChange['type']): void => emit({ path, type });
  // undefined: not read yet; null: absent.
  let plain: KvEntry | null | undefined;
  let folder: KvEntry | null | undefined;
  let shown: string | null | undefined;
  const valueChanged = (): void => {
    if (plain === undefined || folder === undefined) return;
    const token = (plain ?? folder)?.ModifyIndex ?? null;
    if (shown !== undefined && token !== shown)
      report(shown === null ? 'created' : token === null ? 'deleted' : 'data');
    shown = token;
  };
  const start = <T>(query: BlockingQuery<T>): void => {
    void runBlockingLoop(query, ctx.http.timeoutMs, controller.signal);
  };
  if (!node.isRoot) {
    start(
      keyQuery(ctx, node.key, what, (entry) => {
        plain = entry;
        valueChanged();
      }),
    );
    start(
      keyQuery(ctx, node.folderKey, what, (entry) => {
        folder = entry;
        valueChanged();
      }),
    );
  }
  if (options.children) {
    let signature: string | null = null;
    start(
      levelQuery(ctx, node.folderKey, what, (level) => {
        const next = childrenSignature(level);
        if (signature !== null && next !== signature) {
          ctx.levels.invalidate(node.folderKey);
          report('children');
        }
        signature = next;
      }),
    );
  }
  return () => controller.abort();
};
