import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** The saved connection profiles (never their secrets). */
export function useConnections() {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.connections(),
    queryFn: () => client.call('connections.list', {}),
  });
}
