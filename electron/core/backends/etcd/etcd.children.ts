import { childPath } from '../../../../shared/paths.js';
import { AppError } from '../../../../shared/errors.js';
import type { ChildEntry } from '../../../../shared/model/node.js';
import {
  nextKey,
  NO_SLASH_FOLDER,
  prefixRange,
  resolvePath,
  type EtcdNode,
  type KeyRange,
  type Level,
} from './etcd.paths.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { scanLevel, type ScannedChild } from './etcd.scan.js';
import type { SessionOperation } from '../kit/session.operation.js';

const CURSOR_TAG = 'k1.';

function encodeCursor(key: Buffer): string {
  return CURSOR_TAG + key.toString('base64url');
}

/** The continuation key of a cursor; INVALID_INPUT when it was not made for this level. */
function decodeCursor(cursor: string, level: Level): Buffer {
  const key = cursor.startsWith(CURSOR_TAG)
    ? Buffer.from(cursor.slice(CURSOR_TAG.length), 'base64url')
    : null;
  const first = level.ranges[0]!.start;
  if (
    key === null ||
    key.length === 0 ||
    !key.subarray(0, level.prefix.length).equals(level.prefix) ||
    Buffer.compare(key, first) < 0
  ) {
    throw new AppError(
      'INVALID_INPUT',
      'The page cursor does not belong to this level; list the level again from the start.',
    );
  }
  return key;
}

/** The synthetic folder holding keys without a leading '/', when there are any (root level, first page). */
async function noSlashFolder(rpc: EtcdRpc, filter: string | null): Promise<ChildEntry | null> {
  if (filter !== null && !NO_SLASH_FOLDER.toLowerCase().includes(filter)) return null;
  const folder = resolvePath(`/${NO_SLASH_FOLDER}`);
  const counts = await rpc.countMany('Listing /', folder.level.ranges);
  const count = counts.reduce((sum, n) => sum + n, 0);
  if (count === 0) return null;
  return {
    name: NO_SLASH_FOLDER,
    path: folder.path,
    hasValue: false,
    childCount: count,
    dataLength: null,
    ephemeral: false,
  };
}

/**
 * Child counts and key checks for a page, batched, for what the scan did not settle from the keys it read
 * (etcd.scan.ts): such a child gets the number of keys below it (etcd counts a prefix in one cheap
 * request; nested levels count as their keys); such a folder also gets a check of its own key, which,
 * when present, means the child was already listed on an earlier page.
 */
async function describe(rpc: EtcdRpc, node: EtcdNode, found: ScannedChild[]): Promise<ChildEntry[]> {
  const ranges: KeyRange[] = [];
  for (const child of found) {
    if (child.childCount === null) {
      ranges.push(prefixRange(Buffer.concat([node.level.prefix, child.segment, Buffer.from('/')])));
    }
    if (!child.plain && !child.ownKeyAbsent) {
      const key = Buffer.concat([node.level.prefix, child.segment]);
      ranges.push({ start: key, end: nextKey(key) });
    }
  }
  const counts = ranges.length === 0 ? [] : await rpc.countMany(`Listing ${node.path}`, ranges);
  const entries: ChildEntry[] = [];
  let at = 0;
  for (const child of found) {
    const childCount = child.childCount ?? counts[at++]!;
    if (!child.plain && !child.ownKeyAbsent && counts[at++]! > 0) continue;
    entries.push({
      name: child.name,
      path: childPath(node.path, child.name),
      hasValue: child.plain,
      childCount,
      dataLength: null,
      ephemeral: false,
    });
  }
  return entries;
}

async function keyExists(rpc: EtcdRpc, node: EtcdNode): Promise<boolean> {
  if (node.key === null) return false;
  const response = await rpc.range(`Listing ${node.path}`, { key: node.key, count_only: true });
  return Number(response.count) > 0;
}

/** One page of the direct children of `path` (see etcd.scan.ts for how a level is walked). */
export const listChildren: SessionOperation<EtcdRpc, 'listChildren'> = async (rpc, path, options) => {
  const node = resolvePath(path);
  const filter = options.filter ? options.filter.toLowerCase() : null;
  const firstPage = options.cursor === null;
  const from = firstPage ? node.level.ranges[0]!.start : decodeCursor(options.cursor!, node.level);
  const entries: ChildEntry[] = [];
  if (node.isRoot && firstPage) {
    const folder = await noSlashFolder(rpc, filter);
    if (folder) entries.push(folder);
  }
  const scan = await scanLevel(rpc, node, from, options.limit - entries.length, filter);
  if (firstPage && !scan.sawKeys && !node.isRoot && !(await keyExists(rpc, node))) {
    throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
  }
  entries.push(...(await describe(rpc, node, scan.children)));
  return {
    path,
    entries,
    total: firstPage && scan.continueAt === null ? entries.length : null,
    nextCursor: scan.continueAt === null ? null : encodeCursor(scan.continueAt),
  };
};
