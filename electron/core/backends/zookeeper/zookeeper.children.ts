import { AppError } from '../../../../shared/errors.js';
import type { ChildEntry, ChildPage } from '../../../../shared/model/node.js';
import type { ListChildrenOptions } from '../backend.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import type { ZkWatcher } from './client/index.js';
import { childPath } from '../../../../shared/paths.js';
import { mapPipelined } from './zookeeper.pipeline.js';
import { isEphemeral } from './zookeeper.stat.js';

/** A listing is trusted this long unless a child watch says it changed earlier. */
const CACHE_TTL_MS = 30_000;
/** Listings kept per session (a 100k-child listing is a few MB). */
const CACHE_MAX_PATHS = 32;

interface CachedListing {
  names: string[];
  fetchedAt: number;
  /** Lower-cased filter → matching names, in listing order. */
  filtered: Map<string, string[]>;
}

function encodeCursor(lastName: string): string {
  return Buffer.from(lastName, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(cursor))
    throw new AppError('INVALID_INPUT', 'The paging cursor is not valid.');
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** First index whose name sorts after `name` (names are sorted). */
function indexAfter(names: readonly string[], name: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((names[mid] as string) <= name) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Pages through the children of a node: one getChildren per path (cached per session until a child
 * watch fires or the entry ages out), pages cut by the last name seen so a cursor survives changes,
 * and the stats of one page fetched with pipelined `exists` calls.
 */
export class ChildLister {
  private readonly cache = new Map<string, CachedListing>();
  private readonly invalidators = new Map<string, ZkWatcher>();

  constructor(private readonly ops: ZooKeeperOps) {}

  /** Forgets the listing of `path` (after this session created or deleted a child). */
  invalidate(path: string): void {
    this.cache.delete(path);
  }

  /** One page of children with their stats; `total` counts every child matching the filter. */
  async list(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    const names = await this.matching(path, options.filter);
    const start = options.cursor === null ? 0 : indexAfter(names, decodeCursor(options.cursor));
    const limit = Math.max(1, Math.floor(options.limit));
    const pageNames = names.slice(start, start + limit);
    const stats = await mapPipelined(pageNames, (name) => this.ops.exists(childPath(path, name)));
    const entries: ChildEntry[] = [];
    pageNames.forEach((name, index) => {
      const stat = stats[index];
      // Deleted between the listing and its stat: not a child any more.
      if (!stat) return;
      entries.push({
        name,
        path: childPath(path, name),
        hasValue: true,
        childCount: stat.numChildren,
        dataLength: stat.dataLength,
        ephemeral: isEphemeral(stat),
      });
    });
    const end = start + pageNames.length;
    const last = pageNames[pageNames.length - 1];
    return {
      path,
      entries,
      total: names.length,
      nextCursor: end < names.length && last !== undefined ? encodeCursor(last) : null,
    };
  }

  private async matching(path: string, filter: string | null): Promise<string[]> {
    const listing = await this.listing(path);
    const needle = (filter ?? '').toLowerCase();
    if (needle === '') return listing.names;
    let names = listing.filtered.get(needle);
    if (names === undefined) {
      names = listing.names.filter((name) => name.toLowerCase().includes(needle));
      listing.filtered.set(needle, names);
    }
    return names;
  }

  private async listing(path: string): Promise<CachedListing> {
    const cached = this.cache.get(path);
    if (cached !== undefined && Date.now() - cached.fetchedAt < CACHE_TTL_MS) return cached;
    const names = await this.ops.getChildren(path, this.invalidatorFor(path));
    // ZooKeeper refuses surrogates in names, so UTF-16 order (the default sort) is code-point order.
    names.sort();
    const listing: CachedListing = { names, fetchedAt: Date.now(), filtered: new Map() };
    this.cache.delete(path);
    this.cache.set(path, listing);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= CACHE_MAX_PATHS) break;
      this.cache.delete(oldest);
    }
    return listing;
  }

  /** One watcher function per path: the client keeps a function once per path however often it is armed. */
  private invalidatorFor(path: string): ZkWatcher {
    let watcher = this.invalidators.get(path);
    if (watcher === undefined) {
      watcher = () => {
        this.invalidators.delete(path);
        this.cache.delete(path);
      };
      this.invalidators.set(path, watcher);
    }
    return watcher;
  }
}
