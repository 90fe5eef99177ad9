import { useCallback, useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedEntries } from '../features/tree/entry-list.js';
import type { TreeLevel } from '../features/tree/tree-level.js';
import { useClient } from '../transport/ClientContext.js';
import { childrenLevelQuery } from './tree.queries.js';

/** One expanded level as the tree shows it, and the way to ask for its next page. */
export interface ChildrenLevel {
  level: TreeLevel;
  /** Asks for the next page; ignored while one is on its way, at the end, or after a failed page. */
  loadMore: () => void;
}

/** The children of one expanded node under its filter, loaded a page (500) at a time as asked. */
export function useChildrenLevel(connectionId: string, path: string, filter: string): ChildrenLevel {
  const query = useInfiniteQuery(childrenLevelQuery(useClient(), connectionId, path, filter));
  const { data, error, hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError, fetchNextPage } =
    query;
  const level = useMemo<TreeLevel>(() => {
    const pages = data?.pages ?? [];
    return {
      entries: pagedEntries(pages.map((page) => page.entries)),
      total: pages.at(-1)?.total ?? null,
      hasMore: hasNextPage,
      loading: (isFetching && pages.length === 0) || isFetchingNextPage,
      error,
    };
  }, [data, error, hasNextPage, isFetching, isFetchingNextPage]);
  const canLoadMore = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  const loadMore = useCallback(() => {
    if (canLoadMore) void fetchNextPage({ cancelRefetch: false });
  }, [canLoadMore, fetchNextPage]);
  return { level, loadMore };
}
