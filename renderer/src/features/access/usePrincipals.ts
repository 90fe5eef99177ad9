import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import type { ApiClient } from '../../transport/api-client.js';
import { useClient } from '../../transport/ClientContext.js';

/** Users, roles, tokens and policies of a connection with their grants (capability `principals`). */
export function principalsQuery(client: ApiClient, connectionId: string) {
  return queryOptions({
    queryKey: queryKeys.principals(connectionId),
    queryFn: ({ signal }) => client.call('principals.list', { connectionId }, { signal }),
    staleTime: 30_000,
  });
}

export function usePrincipals(connectionId: string) {
  return useQuery(principalsQuery(useClient(), connectionId));
}
