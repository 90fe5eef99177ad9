import { useMemo } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { ChildEntry, ChildPage } from '../../../shared/model/node.js';
import type { TreeLevel } from '../features/tree/tree-level.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

export const CHILDREN_PAGE_SIZE = 500;

/** Which levels to load: a node's path, its filter and how many pages of it are wanted. */
export interface LevelRequest {
  path: string;
  filter: string;
  pages: number;
}

/**
 * Loads the children of every expanded node, one page (500) at a time. Each page is its own query keyed
 * by its cursor; page n+1 is only asked for once page n has told its cursor, so paging follows scrolling.
 */
export function useTreeLevels(
  connectionId: string,
  requests: readonly LevelRequest[],
): Map<string, TreeLevel> {
  const client = useClient();
  const queryClient = useQueryClient();

  const plan: { path: string; key: ReturnType<typeof queryKeys.childrenPage>; cursor: string | null }[] = [];
  for (const request of requests) {
    let cursor: string | null = null;
    for (let page = 0; page < request.pages; page++) {
      const key = queryKeys.childrenPage(connectionId, request.path, request.filter, cursor);
      plan.push({ path: request.path, key, cursor });
      const data = queryClient.getQueryData<ChildPage>(key);
      if (!data?.nextCursor) break;
      cursor = data.nextCursor;
    }
  }

  const results = useQueries({
    queries: plan.map(({ path, key, cursor }) => {
      const filter = key[4];
      return {
        queryKey: key,
        queryFn: () =>
          client.call('tree.children', {
            connectionId,
            path,
            cursor,
            limit: CHILDREN_PAGE_SIZE,
            ...(filter ? { filter } : {}),
          }),
        staleTime: 30_000,
        retry: false,
      };
    }),
  });

  // Recompute the levels only when some page's data or status really changed.
  const signature = results.map((r) => `${r.dataUpdatedAt}:${r.errorUpdatedAt}:${r.fetchStatus}`).join('|');
  const planSignature = plan.map((p) => JSON.stringify(p.key)).join('|');
  return useMemo(() => {
    const levels = new Map<string, TreeLevel>();
    plan.forEach((step, index) => {
      const result = results[index]!;
      const level = levels.get(step.path) ?? emptyLevel();
      const page = result.data;
      if (page) {
        for (const entry of page.entries as ChildEntry[]) level.entries.push(entry);
        level.total = page.total;
        level.loadedPages += 1;
        level.hasMore = page.nextCursor !== null;
      }
      level.loading ||= result.fetchStatus === 'fetching' && !page;
      if (result.error) level.error = result.error;
      levels.set(step.path, level);
    });
    return levels;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, planSignature]);
}

function emptyLevel(): TreeLevel {
  return { entries: [], total: null, loadedPages: 0, hasMore: false, loading: false, error: null };
}
