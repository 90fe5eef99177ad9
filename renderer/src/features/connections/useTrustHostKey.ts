import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../shared/contract/methods.js';
import { queryKeys } from '../../api/query-keys.js';
import { useClient } from '../../transport/ClientContext.js';

/** Stores the host key the user trusted for one SSH hop of a saved profile, and refreshes the list. */
export function useTrustHostKey() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'connections.trustHostKey'>) =>
      client.call('connections.trustHostKey', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connections() }),
  });
}
