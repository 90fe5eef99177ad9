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
 * by the caller, which checks folder keys anyway.
 */
export async function scanLevel(
  rpc: EtcdRpc,
  node: EtcdNode,
  from: Buffer,
  limit: number,
  filter: string | null,
): Promise<LevelScan> {
  const { prefix, ranges } = node.level;
  const children: ScannedChild[] = [];
  const plainSegments = new Set<string>();
  const stopAt = Date.now() + Math.min(SCAN_BUDGET_MS, rpc.timeoutMs);
  let sawKeys = false;
  let cursor: Buffer | null = from;
  while (cursor !== null && children.length < limit) {
    const [range, ...laterRanges] = rangesFrom(ranges, cursor);
    if (range === undefined) return { children, continueAt: null, sawKeys };
    const batch =
      filter !== null ? FILTER_BATCH : Math.min(MAX_BATCH, Math.max(MIN_BATCH, limit - children.length));
    const response = await rpc.range(`Listing ${node.path}`, {
      key: range.start,
      range_end: range.end,
      keys_only: true,
      limit: batch,
    });
    sawKeys ||= response.kvs.length > 0;
    let resume: Buffer | null = null;
    for (let i = 0; i < response.kvs.length; i++) {
      const key = response.kvs[i]!.key;
      if (resume !== null && Buffer.compare(key, resume) < 0) continue;
      const rest = key.subarray(prefix.length);
      const slash = rest.indexOf(SLASH_BYTE);
      const segment = slash < 0 ? rest : rest.subarray(0, slash);
      resume = slash < 0 ? nextKey(key) : afterFolder(prefix, segment);
      if (segment.length === 0) continue; // an empty level name has no valid path
      const name = segment.toString('utf8');
      if (node.isRoot && name === NO_SLASH_FOLDER) continue; // shadowed by the synthetic folder
      if (filter !== null && !name.toLowerCase().includes(filter)) continue;
      const identity = segment.toString('latin1');
      if (slash >= 0 && plainSegments.has(identity)) continue;
      if (slash < 0) plainSegments.add(identity);
      children.push({ name, segment: Buffer.from(segment), plain: slash < 0 });
      if (children.length >= limit) {
        const nothingLeft =
          !response.kvs.slice(i + 1).some((kv) => Buffer.compare(kv.key, resume!) >= 0) &&
          !response.more &&
          laterRanges.length === 0;
        return { children, continueAt: nothingLeft ? null : resume, sawKeys };
      }
    }
    cursor = response.more && resume !== null ? resume : (laterRanges[0]?.start ?? null);
    if (cursor !== null && Date.now() > stopAt) return { children, continueAt: cursor, sawKeys };
  }
  return { children, continueAt: cursor, sawKeys };
}
