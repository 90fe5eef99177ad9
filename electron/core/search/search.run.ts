import { isAppError } from '../../../shared/errors.js';
import type { SearchMatch } from '../../../shared/model/search.js';
import { absolutePath, type Source } from '../sources/source.js';
import type { MatchBody, NodeMatcher } from './node.matcher.js';

/** The counts a running search updates as it goes (read by whoever reports its progress). */
export interface SearchCounts {
  scanned: number;
  matched: number;
  skippedBinary: number;
  truncated: boolean;
}

export interface SearchRunOptions {
  matcher: NodeMatcher;
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
 * never values. Keys and folders are both scanned nodes; folders can match by path only. At `maxMatches`
 * the walk is stopped and the counts say `truncated`. Resolves with the final counts (kept in `counts`, also when it rejects).
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
  const found = (path: string, match: MatchBody | null): void => {
    if (match === null || counts.truncated || over) return;
    onMatch({ path, storePath: storePath(path), ...match });
    counts.matched += 1;
    if (counts.matched >= maxMatches) {
      counts.truncated = true;
      stop.abort();
    }
    onCounts?.(counts);
  };
  const scannedOne = (): void => {
    counts.scanned += 1;
    if (counts.scanned % COUNT_EVERY === 0) onCounts?.(counts);
  };
  try {
    await source.walk(
      { skipEphemeral: false, withMetadata: false, ignore: () => false },
      {
        key: (key) => {
          if (counts.truncated || over) return;
          scannedOne();
          const verdict = matcher.key(key.path, key.value);
          if (verdict === 'binary') counts.skippedBinary += 1;
          else found(key.path, verdict);
        },
        folder: (path) => {
          if (counts.truncated || over) return;
          scannedOne();
          found(path, matcher.folder(path));
        },
      },
      { signal },
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
