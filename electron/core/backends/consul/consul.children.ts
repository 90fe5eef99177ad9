import { AppError } from '../../../../shared/errors.js';
import type { ChildEntry } from '../../../../shared/model/node.js';
import { readKey, type KvContext } from './consul.kv.js';
import { fetchLevel, type Level, type LevelEntry } from './consul.levels.js';
import { resolvePath, type ConsulNode } from './consul.paths.js';
import { childPath } from '../../../../shared/paths.js';
import { mapBounded } from './consul.pool.js';
import { lockSessionsOf, noSessionExists } from './consul.locks.js';
import type { SessionOperation } from '../kit/session.operation.js';

const CURSOR_TAG = 'n1.';
/** A first page always lists the level afresh; the following pages page through that listing. */
const NEXT_PAGE_MAX_AGE_MS = 60_000;
/** Folder listings in flight at once while describing a page. */
const DESCRIBE_WINDOW = 8;

function encodeCursor(name: string): string {
  return CURSOR_TAG + Buffer.from(name, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const name = cursor.startsWith(CURSOR_TAG)
    ? Buffer.from(cursor.slice(CURSOR_TAG.length), 'base64url').toString('utf8')
    : '';
  if (name.length === 0) {
    throw new AppError('INVALID_INPUT', 'The page cursor is not valid; list the level again from the start.');
  }
  return name;
}

/** Index of the first entry whose name sorts after `name` (binary search: entries are sorted). */
function firstAfter(entries: readonly LevelEntry[], name: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.name <= name) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The tree entries of a page. A folder child costs one listing of its own level (Consul cannot
 * count keys): it tells whether the folder key `name/` exists (hasValue) and how many direct
 * children the folder has. Plain keys cost nothing (and take no promise each: a level of 100,000
 * keys spent more on those than on its listing). Listings run with a bounded window. Each entry
 * then carries the session that locks its value key (consul.locks.ts).
 */
async function describe(
  ctx: KvContext,
  node: ConsulNode,
  page: LevelEntry[],
  what: string,
): Promise<ChildEntry[]> {
  const folders = page.filter((entry) => entry.folder);
  const listed = await mapBounded(folders, DESCRIBE_WINDOW, async (entry) => {
    const { level } = await fetchLevel(ctx.http, `${node.folderKey}${entry.name}/`, what);
    return level;
  });
  const levels = new Map<string, Level>();
  for (let i = 0; i < folders.length; i++) levels.set(folders[i]!.name, listed[i]!);
  // The key holding an entry's value: `a`, or the folder key `a/` of a folder without `a`.
  const valueKey = (entry: LevelEntry): string | null => {
    if (entry.plain) return `${node.folderKey}${entry.name}`;
    return levels.get(entry.name)?.selfKey ? `${node.folderKey}${entry.name}/` : null;
  };
  // Without any session no key can be locked: no value keys are built and no locks are read.
  const lockFree =
    page.length === 0 || (await ctx.levels.lockFree(node.folderKey, () => noSessionExists(ctx.http)));
  const locks = lockFree
    ? null
    : await lockSessionsOf(
        ctx,
        node.folderKey,
        page.map(valueKey).filter((key) => key !== null),
      );
  // Each entry is one object literal (no spreads): a page is built for every 500 keys of a level.
  return page.map((entry): ChildEntry => {
    const folder = entry.folder ? levels.get(entry.name) : undefined;
    const hasValue = entry.plain || folder?.selfKey === true;
    const key = locks === null || !hasValue ? null : valueKey(entry);
    return {
      name: entry.name,
      path: childPath(node.path, entry.name),
      hasValue,
      childCount: folder?.entries.length ?? 0,
      dataLength: null,
      ephemeral: false,
      lockSession: key === null ? null : (locks!.get(key) ?? null),
    };
  });
}

/** One page of the direct children of `path`, filtered case-insensitively on names. */
export const listChildren: SessionOperation<KvContext, 'listChildren'> = async (ctx, path, options) => {
  const node = resolvePath(path);
  const what = `Listing ${path}`;
  const firstPage = options.cursor === null;
  const after = firstPage ? null : decodeCursor(options.cursor!);
  const listed = ctx.levels.get(node.folderKey, firstPage ? 0 : NEXT_PAGE_MAX_AGE_MS, what);
  // A fresh listing asks for the sessions (consul.locks.ts) at the same time, not after it.
  if (firstPage) void ctx.levels.lockFree(node.folderKey, () => noSessionExists(ctx.http));
  const level = await listed;
  if (
    firstPage &&
    level.entries.length === 0 &&
    !level.selfKey &&
    !node.isRoot &&
    (await readKey(ctx.http, node.key, what)) === null
  ) {
    throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
  }
  const filter = options.filter ? options.filter.toLowerCase() : null;
  const matching = filter
    ? level.entries.filter((e) => e.name.toLowerCase().includes(filter))
    : level.entries;
  const start = after === null ? 0 : firstAfter(matching, after);
  const page = matching.slice(start, start + options.limit);
  const end = start + page.length;
  return {
    path,
    entries: await describe(ctx, node, page, what),
    total: matching.length,
    nextCursor: end < matching.length ? encodeCursor(page.at(-1)!.name) : null,
  };
};
