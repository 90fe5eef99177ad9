import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { historyListQuery, historyVersionQuery } from './history.queries.js';
import { cacheWrittenNode } from './node-cache.js';
import { queryKeys } from './query-keys.js';

/** Earlier versions of one value, newest first, with the notes on what the list holds. */
export function useHistoryList(connectionId: string, path: string) {
  return useQuery(historyListQuery(useClient(), connectionId, path));
}

/** One version with its value; a version never changes, so it is read once. */
export function useHistoryVersion(connectionId: string, path: string, id: string | null) {
  return useQuery(historyVersionQuery(useClient(), connectionId, path, id));
}

/**
 * Writes a version's value again with the token read (CAS); a mismatch rejects with CONFLICT. The node as
 * written goes into the cache; its history and listeners (a new version, new md5) are asked again.
 */
export function useRestore(connectionId: string, path: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; token: string | null; confirmation?: string }) =>
      client.call('history.restore', { connectionId, path, ...input }),
    onSuccess: (written) => {
      cacheWrittenNode(queryClient, connectionId, written);
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(connectionId, path) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.listeners(connectionId, path) });
    },
  });
}
