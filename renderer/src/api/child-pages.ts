import type { InfiniteData } from '@tanstack/react-query';
import type { ChildEntry, ChildPage } from '../../../shared/model/node.js';

/** What the cache holds for one expanded level: its pages, each asked for with the cursor before it. */
export type ChildLevelData = InfiniteData<ChildPage, string | null>;

/**
 * The level with the entry at `path` changed by `patch`; the very same object when that entry is not
 * loaded (so nothing re-renders). Cursors name the last entry of a page, so patching one stays valid.
 */
export function withChildPatched(
  data: ChildLevelData,
  path: string,
  patch: (entry: ChildEntry) => Partial<ChildEntry>,
): ChildLevelData {
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.entries.findIndex((entry) => entry.path === path);
    if (index < 0) return page;
    changed = true;
    const entries = [...page.entries];
    entries[index] = { ...entries[index]!, ...patch(entries[index]!) };
    return { ...page, entries };
  });
  return changed ? { ...data, pages } : data;
}

/** The level without the entry at `path`, its total one less; the same object when it is not loaded. */
export function withoutChild(data: ChildLevelData, path: string): ChildLevelData {
  if (!data.pages.some((page) => page.entries.some((entry) => entry.path === path))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      entries: page.entries.filter((entry) => entry.path !== path),
      total: page.total === null ? null : Math.max(0, page.total - 1),
    })),
  };
}
