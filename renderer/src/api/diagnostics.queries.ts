import { infiniteQueryOptions, queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** How often the members' health is asked while the Servers view or the status bar shows it. */
export const SERVERS_HEALTH_INTERVAL_MS = 5_000;

/** Leases and lease keys per page. */
export const LEASE_PAGE_SIZE = 100;

/** Members and their health from cheap calls (capability `servers`); polled every 5 s by its users. */
export function serversHealthQuery(client: ApiClient, connectionId: string) {
  return queryOptions({
    queryKey: queryKeys.serversHealth(connectionId),
    queryFn: ({ signal }) => client.call('servers.health', { connectionId }, { signal }),
    refetchInterval: SERVERS_HEALTH_INTERVAL_MS,
    // A member that stops answering must turn red while the window sits in the background too.
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** Who is connected and what each member tells beyond health (capability `diagnostics`); on demand only. */
export function diagnosticsReportQuery(client: ApiClient, connectionId: string, enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.diagnostics(connectionId),
    queryFn: enabled
      ? ({ signal }) => client.call('diagnostics.report', { connectionId }, { signal })
      : skipToken,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/**
 * Who watches a path (capability `watchers`). Unconfirmed, a costly store answers with its cost only; the
 * confirmed query runs the costly words once and is never refetched by itself.
 */
export function watchersQuery(client: ApiClient, connectionId: string, path: string, confirmed: boolean) {
  return queryOptions({
    queryKey: queryKeys.watchers(connectionId, path, confirmed),
    queryFn: ({ signal }) => client.call('watchers.query', { connectionId, path, confirmed }, { signal }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

/** Who owns a node (capability `owners`); asked when the user asks. */
export function ownerQuery(client: ApiClient, connectionId: string, path: string, enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.owner(connectionId, path),
    queryFn: enabled
      ? ({ signal }) => client.call('owner.query', { connectionId, path }, { signal })
      : skipToken,
    staleTime: 0,
    retry: false,
  });
}

/** etcd leases with their remaining TTL, page by page (capability `leaseInventory`). */
export function leasesQuery(client: ApiClient, connectionId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.leases(connectionId),
    queryFn: ({ signal, pageParam }) =>
      client.call('leases.list', { connectionId, cursor: pageParam, limit: LEASE_PAGE_SIZE }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
}

/** The keys attached to one lease, page by page (capability `leaseInventory`). */
export function leaseKeysQuery(client: ApiClient, connectionId: string, leaseId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.leaseKeys(connectionId, leaseId),
    queryFn: ({ signal, pageParam }) =>
      client.call(
        'leases.keys',
        { connectionId, leaseId, cursor: pageParam, limit: LEASE_PAGE_SIZE },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    retry: false,
  });
}
