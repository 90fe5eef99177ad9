import { ReadCoverage } from './etcd.coverage.js';
import { afterFolder, nextKey, NO_SLASH_FOLDER, rangesFrom, type EtcdNode } from './etcd.paths.js';
import type { EtcdRpc } from './etcd.rpc.js';

const SLASH_BYTE = 0x2f;
const MIN_BATCH = 64;
const MAX_BATCH = 1000;
/** A filter usually rejects most keys: read bigger batches (keys only, a few bytes each). */
const FILTER_BATCH = 5000;
/** A filtered scan over a huge level stops after this long and returns a partial page with a cursor. */
const SCAN_BUDGET_MS = 3000;

/** One direct child found by a level scan. */
export interface ScannedChild {
  name: string;
  segment: Buffer;
  /** The child's own key exists (it was seen as a key without further levels). */
  plain: boolean;
  /**
   * The number of keys below the child (`prefix + segment + '/…'`) when the scan read all of them, else
   * null (the caller counts it): on a level of plain keys or small folders every count comes for free.
   */
  childCount: number | null;
  /** For a folder: the scan read the spot where its own key would sort, so that key is known absent. */
  ownKeyAbsent: boolean;
}

export interface LevelScan {
  children: ScannedChild[];
  /** Where the next page starts, or null at the end of the level. */
  continueAt: Buffer | null;
  /** Whether the level held any key at all in the scanned part (filter aside). */
  sawKeys: boolean;
}

/**
 * Scans the direct children of a level with keys-only ranges, starting at `from`. Each key yields the
 * segment after the level prefix; when a segment is a folder the rest of that folder is skipped by
 * resuming at `prefix + segment + '0'` ('/' + 1), so a folder costs at most one round trip whatever
 * its size. A key `a` and the folder `a/` need not be adjacent (`a!` sorts between them): a folder
 * whose key was seen in this scan is merged here; one whose key was on an earlier page is dropped
 * by the caller, which checks folder keys anyway. Every batch read is recorded (ReadCoverage) with the
 * keys below each child it held, so child counts over fully read folders need no request of their own;
 * a batch reads one key past the page so the last child's folder is usually settled too.
 */
export async function scanLevel(
  rpc: EtcdRpc,
  node: EtcdNode,
  from: Buffer,
  limit: number,
  filter: string | null,
): Promise<LevelScan> {
  const { prefix, ranges } = node.level;
  const children: Found[] = [];
  const plainSegments = new Set<string>();
  const coverage = new ReadCoverage();
  const keysBelow = new Map<string, number>();
  const settle = (continueAt: Buffer | null): LevelScan => ({
    children: children.map((child) => settled(child, prefix, coverage, keysBelow)),
    continueAt,
    sawKeys,
  });
  const stopAt = Date.now() + Math.min(SCAN_BUDGET_MS, rpc.timeoutMs);
  let sawKeys = false;
  let cursor: Buffer | null = from;
  while (cursor !== null && children.length < limit) {
    const [range, ...laterRanges] = rangesFrom(ranges, cursor);
    if (range === undefined) return settle(null);
    const batch =
      filter !== null ? FILTER_BATCH : Math.min(MAX_BATCH, Math.max(MIN_BATCH, limit - children.length + 1));
    const response = await rpc.range(`Listing ${node.path}`, {
      key: range.start,
      range_end: range.end,
      keys_only: true,
      limit: batch,
    });
    sawKeys ||= response.kvs.length > 0;
    const lastKey = response.kvs.at(-1)?.key;
    const run = coverage.add(range.start, response.more && lastKey ? nextKey(lastKey) : range.end);
    let resume: Buffer | null = null;
    for (let i = 0; i < response.kvs.length; i++) {
      const key = response.kvs[i]!.key;
      const rest = key.subarray(prefix.length);
      const slash = rest.indexOf(SLASH_BYTE);
      countBelow(key, prefix, keysBelow);
      if (resume !== null && Buffer.compare(key, resume) < 0) continue;
      const segment = slash < 0 ? rest : rest.subarray(0, slash);
      resume = slash < 0 ? nextKey(key) : afterFolder(prefix, segment);
      if (segment.length === 0) continue; // an empty level name has no valid path
      const name = segment.toString('utf8');
      if (node.isRoot && name === NO_SLASH_FOLDER) continue; // shadowed by the synthetic folder
      if (filter !== null && !name.toLowerCase().includes(filter)) continue;
      const identity = segment.toString('latin1');
      if (slash >= 0 && plainSegments.has(identity)) continue;
      if (slash < 0) plainSegments.add(identity);
      children.push({ name, segment: Buffer.from(segment), plain: slash < 0, identity, run });
      if (children.length >= limit) {
        const nothingLeft =
          !response.kvs.slice(i + 1).some((kv) => Buffer.compare(kv.key, resume!) >= 0) &&
          !response.more &&
          laterRanges.length === 0;
        // The rest of this batch still counts keys below the children already found.
        for (const kv of response.kvs.slice(i + 1)) countBelow(kv.key, prefix, keysBelow);
        return settle(nothingLeft ? null : resume);
      }
    }
    cursor = response.more && resume !== null ? resume : (laterRanges[0]?.start ?? null);
    if (cursor !== null && Date.now() > stopAt) return settle(cursor);
  }
  return settle(cursor);
}

function countBelow(key: Buffer, prefix: Buffer, keysBelow: Map<string, number>): void {
  const rest = key.subarray(prefix.length);
  const slash = rest.indexOf(SLASH_BYTE);
  if (slash < 0) return;
  const below = rest.subarray(0, slash).toString('latin1');
  keysBelow.set(below, (keysBelow.get(below) ?? 0) + 1);
}

/** A child as the scan finds it: its identity (latin1 of the segment) and the run of keys it was found in. */
interface Found {
  name: string;
  segment: Buffer;
  plain: boolean;
  identity: string;
  run: number;
}

/** A found child with what the keys read settle about it (see ScannedChild). */
function settled(
  child: Found,
  prefix: Buffer,
  coverage: ReadCoverage,
  keysBelow: ReadonlyMap<string, number>,
): ScannedChild {
  // The child was found in run `child.run`, so that run read from its own key (or its first key below)
  // on; its folder is settled when the run went on past the folder's end.
  const folderRead = coverage.readUpTo(child.run, afterFolder(prefix, child.segment));
  return {
    name: child.name,
    segment: child.segment,
    plain: child.plain,
    childCount: folderRead ? (keysBelow.get(child.identity) ?? 0) : null,
    ownKeyAbsent: !child.plain && coverage.readFrom(child.run, Buffer.concat([prefix, child.segment])),
  };
}
