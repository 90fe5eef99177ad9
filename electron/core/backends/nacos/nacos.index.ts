import type { NacosHttp } from './nacos.http.js';
import { ConfigPageSchema } from './nacos.schemas.js';

/** One config as the list API shows it. */
export interface ConfigEntry {
  group: string;
  dataId: string;
  /** UTF-8 bytes of the content, when the list carried it. */
  size: number | null;
  md5: string | null;
  /** The content as the list carried it (both Nacos and r-nacos send it); null when it did not. */
  content: string | null;
}

/** Nacos caps a page at 500. */
const PAGE_SIZE = 500;
/** Browsing lists the same level again and again; a short cache keeps that to one scan. */
const CACHE_MS = 2000;

function compareEntries(a: ConfigEntry, b: ConfigEntry): number {
  if (a.group !== b.group) return a.group < b.group ? -1 : 1;
  return a.dataId < b.dataId ? -1 : a.dataId > b.dataId ? 1 : 0;
}

/** One page of the config search, as the index keeps it. */
interface ScannedPage {
  entries: ConfigEntry[];
  /** How many configs the server counts for the query. */
  total: number;
  /** How many items the server sent (before dropping other groups). */
  sent: number;
  /** The server let a config of another group through an exact group search. */
  foreign: boolean;
}

/** The first configs of a level and how many it has, read without scanning all of it. */
export interface ConfigHead {
  entries: ConfigEntry[];
  total: number;
}

function isSorted(entries: readonly ConfigEntry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (compareEntries(entries[i - 1]!, entries[i]!) >= 0) return false;
  return true;
}

/**
 * The configs of a namespace (or of one group of it), read page by page from the v1 config search and
 * cached per session for a couple of seconds. Nacos has no API that lists groups: the groups of a
 * namespace are the distinct groups of its configs, so a namespace level costs a full scan of it.
 * Writes through this session invalidate the namespace; watches poll with `fresh`.
 */
export class ConfigIndex {
  private readonly cache = new Map<string, { at: number; value: Promise<ConfigEntry[]> }>();

  /**
   * @param ordered the server pages configs in (group, dataId) order (NacosApi.orderedConfigs), so
   *   the first page of a group is its first configs and can be served without a full scan.
   */
  constructor(
    private readonly http: NacosHttp,
    private readonly ordered: boolean,
  ) {}

  /** Configs of `tenant` (only `group` when given), sorted by group then dataId. */
  list(tenant: string, group: string | null, fresh = false): Promise<ConfigEntry[]> {
    const key = cacheKey(tenant, group);
    const cached = this.cache.get(key);
    if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.value;
    const value = this.scan(tenant, group);
    this.remember(key, value);
    return value;
  }

  /**
   * The first `limit` configs of a group and its count, from one request where the server pages in
   * order (the first page of a 5,000-config group no longer waits for ten); null when it cannot tell
   * that way (unordered server, a page larger than the server's, a loose group match): use list().
   */
  async head(tenant: string, group: string, limit: number): Promise<ConfigHead | null> {
    const cached = this.cache.get(cacheKey(tenant, group));
    if (cached && Date.now() - cached.at < CACHE_MS) {
      const entries = await cached.value;
      return { entries: entries.slice(0, limit), total: entries.length };
    }
    if (!this.ordered || limit > PAGE_SIZE) return null;
    const page = await this.page(tenant, group, 1);
    if (page.foreign || !isSorted(page.entries)) return null;
    // A group that fits in one page is now known whole: later pages and the level's count reuse it.
    if (page.sent >= page.total) this.remember(cacheKey(tenant, group), Promise.resolve(page.entries));
    return { entries: page.entries.slice(0, limit), total: page.total };
  }

  /** Forgets what is cached for a namespace (after a write). */
  invalidate(tenant: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${tenant}\u0000`)) this.cache.delete(key);
  }

  private remember(key: string, value: Promise<ConfigEntry[]>): void {
    const entry = { at: Date.now(), value };
    this.cache.set(key, entry);
    value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
  }

  private async page(tenant: string, group: string | null, pageNo: number): Promise<ScannedPage> {
    const what = `Listing the configs of ${tenant === '' ? 'public' : tenant}${group === null ? '' : `/${group}`}`;
    const page = await this.http.json(
      {
        path: '/v1/cs/configs',
        query: { search: 'accurate', dataId: '', group: group ?? '', tenant, pageNo, pageSize: PAGE_SIZE },
        what,
      },
      ConfigPageSchema,
    );
    const items = page.pageItems ?? [];
    const entries: ConfigEntry[] = [];
    for (const item of items) {
      // An exact group search must not let another group through (some servers match loosely).
      if (group !== null && item.group !== group) continue;
      entries.push({
        group: item.group,
        dataId: item.dataId,
        size:
          item.content === null || item.content === undefined
            ? null
            : Buffer.byteLength(item.content, 'utf8'),
        md5: item.md5 ?? null,
        content: item.content ?? null,
      });
    }
    return { entries, total: page.totalCount, sent: items.length, foreign: entries.length < items.length };
  }

  private async scan(tenant: string, group: string | null): Promise<ConfigEntry[]> {
    const entries: ConfigEntry[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const page = await this.page(tenant, group, pageNo);
      entries.push(...page.entries);
      if (page.sent < PAGE_SIZE || pageNo * PAGE_SIZE >= page.total) break;
    }
    return entries.sort(compareEntries);
  }
}

function cacheKey(tenant: string, group: string | null): string {
  return `${tenant}\u0000${group ?? ''}`;
}
