import { useQueries } from '@tanstack/react-query';
import type { AuditEntry, AuditFilter } from '../../../../shared/model/audit.js';
import { auditListQuery } from '../../api/audit.queries.js';
import { useClient } from '../../transport/ClientContext.js';

/** Entries fetched per `audit.list` call as the list scrolls. */
export const AUDIT_PAGE_SIZE = 200;

export interface AuditPages {
  /** The entry at a row index (0: the newest match), or undefined while its page is not loaded. */
  entryAt: (index: number) => AuditEntry | undefined;
  /** The row index of an entry among the loaded pages, or null. */
  indexOf: (seq: number) => number | null;
  /** Entries matching the filter, from the latest page answered (null until one has). */
  matched: number | null;
  /** Entries in the log in all (null until a page has answered). */
  total: number | null;
  /** A page is being asked (again). */
  fetching: boolean;
  error: unknown;
}

/** Page numbers covering rows first..last (inclusive) and the extra rows; page 0 always (it says the count). */
function pagesFor(first: number, last: number, extra: readonly number[]): number[] {
  const pages = new Set<number>([0]);
  if (last >= first && first >= 0) {
    for (let page = Math.floor(first / AUDIT_PAGE_SIZE); page <= Math.floor(last / AUDIT_PAGE_SIZE); page++) {
      pages.add(page);
    }
  }
  for (const index of extra) if (index >= 0) pages.add(Math.floor(index / AUDIT_PAGE_SIZE));
  return [...pages].sort((a, b) => a - b);
}

/**
 * The pages of the filtered, newest-first audit list that cover the rows in view, fetched by offset as they
 * scroll in: a log of a million entries costs a few pages of 200, never the whole log.
 */
export function useAuditPages(
  filter: AuditFilter,
  first: number,
  last: number,
  extra: readonly number[] = [],
): AuditPages {
  const client = useClient();
  const pages = pagesFor(first, last, extra);
  const results = useQueries({
    queries: pages.map((page) =>
      auditListQuery(client, { ...filter, offset: page * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }),
    ),
  });
  const loaded = new Map<number, readonly AuditEntry[]>();
  // The count of the page answered last: after an append it is the newer one.
  let counts: { at: number; matched: number; total: number } | null = null;
  for (const [i, result] of results.entries()) {
    const page = pages[i];
    if (page === undefined || !result.data) continue;
    loaded.set(page, result.data.entries);
    if (counts === null || result.dataUpdatedAt > counts.at) {
      counts = { at: result.dataUpdatedAt, matched: result.data.matched, total: result.data.total };
    }
  }
  return {
    entryAt: (index) => loaded.get(Math.floor(index / AUDIT_PAGE_SIZE))?.[index % AUDIT_PAGE_SIZE],
    indexOf: (seq) => {
      for (const [page, entries] of loaded) {
        const at = entries.findIndex((entry) => entry.seq === seq);
        if (at >= 0) return page * AUDIT_PAGE_SIZE + at;
      }
      return null;
    },
    matched: counts?.matched ?? null,
    total: counts?.total ?? null,
    fetching: results.some((result) => result.isFetching),
    error: results.find((result) => result.isError)?.error ?? null,
  };
}
