import { isAppError } from '../../../shared/errors.js';
import type { SearchMatch } from '../../../shared/model/search.js';
import { absolutePath, type Source } from '../sources/source.js';
import type { MatchBody, NodeMatcher } from './node.matcher.js';
import type { SearchWalk } from './search.walk.js';

/** The counts a running search updates as it goes (read by whoever reports its progress). */
export interface SearchCounts {
  scanned: number;
  matched: number;
  skippedBinary: number;
  truncated: boolean;
}

export interface SearchRunOptions {
  matcher: NodeMatcher;
  /** How the source is read (search.walk.ts); its whole subtree by default. */
  walk?: SearchWalk['walk'];
  maxMatches: number;
  /** Cancels the search: the walk rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Each match as it is found, in the order found. */
  onMatch(match: SearchMatch): void;
  /** After every few nodes and after each match (the caller throttles what it reports). */
  onCounts?(counts: SearchCounts): void;
}

export function emptyCounts(): SearchCounts {
  return { scanned: 0, matched: 0, skippedBinary: 0, truncated: false };
}

/** How often (in nodes) the counts are reported while nothing matches. */
const COUNT_EVERY = 256;

/**
 * Walks a source (a store's subtree or a snapshot file) and keeps only what matched: paths and excerpts,
 * never values. Keys and folders are both scanned nodes (a node with a value and children counts as both);
 * folders can match by path only. A match past `maxMatches` stops the walk and the counts say `truncated`. Resolves with the final counts (kept in `counts`, also when it rejects).
 */
export async function runSearch(
  source: Source,
  options: SearchRunOptions,
  counts: SearchCounts = emptyCounts(),
): Promise<SearchCounts> {
  const { matcher, maxMatches, onMatch, onCounts } = options;
  // Our own controller stops the walk at maxMatches; the caller's signal cancels it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const storePath = (path: string): string =>
    source.store === null ? path : absolutePath(source.root, path);
  /** Set once the walk is over: reads still in flight after a cancel must not add anything. */
  let over = false;
  /** Paths already reported, so a node that is both a key and a folder matches its path once. */
  const reported = new Set<string>();
  const found = (path: string, match: MatchBody | null): void => {
    if (match === null || over) return;
    if (match.field === 'path') {
      if (reported.has(path)) return;
      reported.add(path);
    }
    if (counts.matched >= maxMatches) {
      // One match past the limit: there is more than the search keeps.
      counts.truncated = true;
      stop.abort();
      return;
    }
    onMatch({ path, storePath: storePath(path), ...match });
    counts.matched += 1;
    onCounts?.(counts);
  };
  const scannedOne = (): void => {
    counts.scanned += 1;
    if (counts.scanned % COUNT_EVERY === 0) onCounts?.(counts);
  };
  /**
   * Folders seen so far. Key/value stores scan keys only, so the folders above each key are derived from
   * its path: every store then scans (and path-matches) the same folders as ZooKeeper and snapshots do.
   */
  const folders = new Set<string>();
  const visitFolder = (path: string): void => {
    if (folders.has(path)) return;
    folders.add(path);
    scannedOne();
    found(path, matcher.folder(path));
  };
  const visitParents = (path: string): void => {
    const parents: string[] = [];
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const parent = path.slice(0, i);
      if (folders.has(parent)) break;
      parents.push(parent);
    }
    // Top down, as a walk would meet them.
    for (let i = parents.length - 1; i >= 0 && !counts.truncated; i--) visitFolder(parents[i]!);
  };
  try {
    const walk =
      options.walk ??
      ((sink, walkSignal) =>
        source.walk({ skipEphemeral: false, withMetadata: false, ignore: () => false }, sink, {
          signal: walkSignal,
        }));
    await walk(
      {
        key: (key) => {
          if (counts.truncated || over) return;
          visitParents(key.path);
          scannedOne();
          const verdict = matcher.key(key.path, key.value);
          if (verdict === 'binary') counts.skippedBinary += 1;
          else found(key.path, verdict);
        },
        folder: (path) => {
          if (counts.truncated || over) return;
          visitParents(path);
          visitFolder(path);
        },
      },
      signal,
    );
  } catch (error) {
    // Stopped at maxMatches: not a failure, unless the user cancelled as well.
    const ours = counts.truncated && !(options.signal?.aborted ?? false);
    if (!(ours && isAppError(error) && error.code === 'CANCELLED')) throw error;
  } finally {
    over = true;
  }
  return counts;
}
