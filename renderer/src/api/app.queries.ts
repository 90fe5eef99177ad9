import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** Version, transport and whether secrets can be stored (app.info); it never changes while running. */
export function appInfoQuery(client: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.appInfo(),
    queryFn: ({ signal }) => client.call('app.info', {}, { signal }),
    staleTime: Infinity,
  });
}

/** The saved connection profiles (never their secrets). */
export function connectionsQuery(client: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.connections(),
    queryFn: ({ signal }) => client.call('connections.list', {}, { signal }),
  });
}

/** A stored UI preference; only this app writes it, so it is read once and then kept up to date here. */
export function prefQuery(client: ApiClient, key: string) {
  return queryOptions({
    queryKey: queryKeys.pref(key),
    queryFn: ({ signal }) => client.call('prefs.get', { key }, { signal }),
    staleTime: Infinity,
  });
}
