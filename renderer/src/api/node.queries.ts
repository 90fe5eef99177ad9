import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** The value, token and metadata of one node: the first MiB (the core's default) or, when `full`, all of it. */
export function nodeValueQuery(client: ApiClient, connectionId: string, path: string, full: boolean) {
  return queryOptions({
    queryKey: queryKeys.nodeValue(connectionId, path, full),
    queryFn: ({ signal }) =>
      client.call('node.get', full ? { connectionId, path, maxBytes: 0 } : { connectionId, path }, {
        signal,
      }),
    retry: false,
  });
}

/** How many nodes a recursive delete of `path` would remove (the node itself included); always asked anew. */
export function subtreeCountQuery(client: ApiClient, connectionId: string, path: string) {
  return queryOptions({
    queryKey: queryKeys.subtreeCount(connectionId, path),
    queryFn: ({ signal }) => client.call('node.countSubtree', { connectionId, path }, { signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
