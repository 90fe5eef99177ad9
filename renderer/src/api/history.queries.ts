import { queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/**
 * Earlier versions of one value, newest first, on every store (the server's, this machine's audit, the Watch
 * tab's); asked anew whenever shown.
 */
export function historyListQuery(client: ApiClient, connectionId: string, path: string) {
  return queryOptions({
    queryKey: queryKeys.history(connectionId, path),
    queryFn: ({ signal }) => client.call('history.list', { connectionId, path }, { signal }),
    staleTime: 0,
  });
}

/** One earlier version with its value (none while `id` is null); a version never changes, so it is read once. */
export function historyVersionQuery(
  client: ApiClient,
  connectionId: string,
  path: string,
  id: string | null,
) {
  return queryOptions({
    queryKey: queryKeys.historyVersion(connectionId, path, id ?? ''),
    queryFn:
      id === null
        ? skipToken
        : ({ signal }) => client.call('history.get', { connectionId, path, id }, { signal }),
    staleTime: Infinity,
  });
}

/** Which clients listen to a value and which version each holds (capability `listeners`). */
export function listenersQuery(client: ApiClient, connectionId: string, path: string) {
  return queryOptions({
    queryKey: queryKeys.listeners(connectionId, path),
    queryFn: ({ signal }) => client.call('listeners.query', { connectionId, path }, { signal }),
    staleTime: 0,
  });
}
