import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** A stored UI preference (prefs.get); `value` is undefined/null when never set. */
export function usePref(key: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.pref(key),
    queryFn: () => client.call('prefs.get', { key }),
    staleTime: Infinity,
  });
}

/** Stores a UI preference and updates the cached value at once. */
export function useSetPref() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: unknown }) => client.call('prefs.set', { key, value }),
    onMutate: ({ key, value }) => queryClient.setQueryData(queryKeys.pref(key), { value }),
  });
}
