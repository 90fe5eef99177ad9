import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** Children asked for per `tree.children` call. */
export const CHILDREN_PAGE_SIZE = 500;

/**
 * One expanded level: the children of `path` matching `filter`, one page per call, each page asked for
 * with the cursor the previous one returned (so paging follows scrolling, and a filter is its own level).
 */
export function childrenLevelQuery(client: ApiClient, connectionId: string, path: string, filter: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.childrenLevel(connectionId, path, filter),
    queryFn: ({ pageParam, signal }) =>
      client.call(
        'tree.children',
        { connectionId, path, cursor: pageParam, limit: CHILDREN_PAGE_SIZE, ...(filter ? { filter } : {}) },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30_000,
    retry: false,
  });
}
