import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** How many nodes a recursive delete of `path` would remove (the node itself included). */
export function useSubtreeCount(connectionId: string, path: string, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.subtreeCount(connectionId, path),
    queryFn: () => client.call('node.countSubtree', { connectionId, path }),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
