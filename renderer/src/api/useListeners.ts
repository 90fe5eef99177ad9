import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { listenersQuery } from './history.queries.js';

/** Which clients listen to a value and which version each holds (capability `listeners`). */
export function useListeners(connectionId: string, path: string, autoRefreshMs: number | false) {
  return useQuery({ ...listenersQuery(useClient(), connectionId, path), refetchInterval: autoRefreshMs });
}
