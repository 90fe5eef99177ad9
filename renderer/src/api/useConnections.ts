import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from './query-keys.js';
import { useClient } from '../transport/ClientContext.js';
import { connectionsQuery } from './app.queries.js';

/** The saved connection profiles (never their secrets). */
export function useConnections() {
  return useQuery(connectionsQuery(useClient()));
}

/** When each profile was last opened, refreshed whenever the open connection changes. */
export function useLastUsed(activeId: string | null) {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.connectionsLastUsed() });
  }, [activeId, queryClient]);
  return useQuery({
    queryKey: queryKeys.connectionsLastUsed(),
    queryFn: ({ signal }) => client.call('connections.lastUsed', {}, { signal }),
  });
}
