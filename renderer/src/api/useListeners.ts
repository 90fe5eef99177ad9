import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** Which clients listen to a value and which version each holds (capability `listeners`). */
export function useListeners(connectionId: string, path: string, autoRefreshMs: number | false) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.listeners(connectionId, path),
    queryFn: () => client.call('listeners.query', { connectionId, path }),
    staleTime: 0,
    refetchInterval: autoRefreshMs,
  });
}
