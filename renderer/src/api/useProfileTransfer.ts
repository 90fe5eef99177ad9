import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** The saved profiles as a file's text (passwords sealed when a passphrase is given). */
export function useExportProfiles() {
  const client = useClient();
  return useMutation({
    mutationFn: (passphrase: string | undefined) =>
      client.call('connections.export', passphrase === undefined ? {} : { passphrase }),
  });
}

/** What importing a file would add, update or leave; nothing is written. */
export function usePreviewImport() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: { text: string; passphrase?: string }) =>
      client.call('connections.importPreview', input),
  });
}

/** Imports a file and refreshes the list. */
export function useImportProfiles() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; passphrase?: string }) => client.call('connections.import', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}

/** Copies a profile (with its password) under "<name> (copy)" and refreshes the list. */
export function useDuplicateConnection() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.call('connections.duplicate', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}
