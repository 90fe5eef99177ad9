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

/**
 * The configs of a namespace (or of one group of it), read page by page from the v1 config search and
 * cached per session for a couple of seconds. Nacos has no API that lists groups: the groups of a
 * namespace are the distinct groups of its configs, so a namespace level costs a full scan of it.
 * Writes through this session invalidate the namespace; watches poll with `fresh`.
 */
export class ConfigIndex {
  private readonly cache = new Map<string, { at: number; value: Promise<ConfigEntry[]> }>();

  constructor(private readonly http: NacosHttp) {}

  /** Configs of `tenant` (only `group` when given), sorted by group then dataId. */
  list(tenant: string, group: string | null, fresh = false): Promise<ConfigEntry[]> {
    const key = `${tenant}\u0000${group ?? ''}`;
    const cached = this.cache.get(key);
    if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.value;
    const value = this.scan(tenant, group);
    const entry = { at: Date.now(), value };
    this.cache.set(key, entry);
    value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return value;
  }

  /** Forgets what is cached for a namespace (after a write). */
  invalidate(tenant: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${tenant}\u0000`)) this.cache.delete(key);
  }

  private async scan(tenant: string, group: string | null): Promise<ConfigEntry[]> {
    const entries: ConfigEntry[] = [];
    const what = `Listing the configs of ${tenant === '' ? 'public' : tenant}${group === null ? '' : `/${group}`}`;
    for (let pageNo = 1; ; pageNo++) {
      const page = await this.http.json(
        {
          path: '/v1/cs/configs',
          query: { search: 'accurate', dataId: '', group: group ?? '', tenant, pageNo, pageSize: PAGE_SIZE },
          what,
        },
        ConfigPageSchema,
      );
      const items = page.pageItems ?? [];
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
      if (items.length < PAGE_SIZE || pageNo * PAGE_SIZE >= page.totalCount) break;
    }
    return entries.sort(compareEntries);
  }
}
