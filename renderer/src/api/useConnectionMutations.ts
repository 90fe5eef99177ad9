import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConnectionInput } from '../../../shared/model/connection.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** Saves (creates or updates) a profile and refreshes the list. */
export function useSaveConnection() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectionInput) => client.call('connections.save', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}

/** Deletes a saved profile and refreshes the list. */
export function useDeleteConnection() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.call('connections.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}

/** Tries a profile (saved or only typed) and reports latency. */
export function useTestConnection() {
  const client = useClient();
  return useMutation({
    mutationFn: (profile: ConnectionInput) => client.call('connections.test', { profile }),
  });
}

/** Asks a server (profile saved or only typed) what it offers: Consul datacenters, Nacos namespaces. */
export function useDiscoverConnection() {
  const client = useClient();
  return useMutation({
    mutationFn: (profile: ConnectionInput) => client.call('connections.discover', { profile }),
  });
}
