import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** Earlier versions of one value, newest first (capability `history`). */
export function useHistoryList(connectionId: string, path: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.history(connectionId, path),
    queryFn: () => client.call('history.list', { connectionId, path }),
    staleTime: 0,
  });
}

/** One earlier version with its value; a version never changes, so it is read once. */
export function useHistoryVersion(connectionId: string, path: string, id: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.historyVersion(connectionId, path, id ?? ''),
    queryFn: () => client.call('history.get', { connectionId, path, id: id ?? '' }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/** Publishes an earlier version again with the token read (CAS); a mismatch rejects with CONFLICT. */
export function useRollback(connectionId: string, path: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; token: string | null; confirmation?: string }) =>
      client.call('history.rollback', { connectionId, path, ...input }),
    // The value, its history and its listeners all changed.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, path) }),
  });
}
