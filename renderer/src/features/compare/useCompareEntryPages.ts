import { useQueries } from '@tanstack/react-query';
import type { CompareEntry } from '../../../../shared/model/compare.js';
import { compareResultQuery } from '../../api/compare.queries.js';
import { useClient } from '../../transport/ClientContext.js';

/**
 * Entries fetched per `compare.result` call. CompareView asks for page 0 with the same size, so the
 * first page it polls is the one the list shows (one cache entry, one request).
 */
export const ENTRY_PAGE_SIZE = 500;

export interface EntryPagesQuery {
  jobId: string;
  onlyDifferences: boolean;
  pathContains: string;
}

export interface EntryPages {
  /** The entry at a row index, or undefined while its page is not loaded. */
  entryAt: (index: number) => CompareEntry | undefined;
  /** The row index of a path among the loaded pages, or null. */
  indexOf: (path: string) => number | null;
  error: unknown;
}

/** Page numbers covering rows first..last (inclusive), plus the pages of any extra rows. */
function pagesFor(first: number, last: number, extra: readonly number[]): number[] {
  const pages = new Set<number>();
  if (last >= first && first >= 0) {
    for (let page = Math.floor(first / ENTRY_PAGE_SIZE); page <= Math.floor(last / ENTRY_PAGE_SIZE); page++) {
      pages.add(page);
    }
  }
  for (const index of extra) if (index >= 0) pages.add(Math.floor(index / ENTRY_PAGE_SIZE));
  return [...pages].sort((a, b) => a - b);
}

/**
 * The pages of a finished comparison that cover the rows in view, fetched as they scroll in. A finished
 * comparison never changes, so a page once fetched stays fresh: scrolling back shows it without a refetch.
 */
export function useCompareEntryPages(
  { jobId, onlyDifferences, pathContains }: EntryPagesQuery,
  first: number,
  last: number,
  extra: readonly number[] = [],
): EntryPages {
  const client = useClient();
  const pages = pagesFor(first, last, extra);
  const results = useQueries({
    queries: pages.map((page) => ({
      ...compareResultQuery(client, {
        jobId,
        onlyDifferences,
        pathContains,
        offset: page * ENTRY_PAGE_SIZE,
        limit: ENTRY_PAGE_SIZE,
      }),
      staleTime: Infinity,
    })),
  });
  const loaded = new Map<number, readonly CompareEntry[]>();
  results.forEach((result, i) => {
    const page = pages[i];
    if (page !== undefined && result.data) loaded.set(page, result.data.entries);
  });
  return {
    entryAt: (index) => loaded.get(Math.floor(index / ENTRY_PAGE_SIZE))?.[index % ENTRY_PAGE_SIZE],
    indexOf: (path) => {
      for (const [page, entries] of loaded) {
        const at = entries.findIndex((entry) => entry.path === path);
        if (at >= 0) return page * ENTRY_PAGE_SIZE + at;
      }
      return null;
    },
    error: results.find((result) => result.isError)?.error ?? null,
  };
}
