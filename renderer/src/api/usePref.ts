import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { prefQuery } from './app.queries.js';

/** A stored UI preference (prefs.get); `value` is undefined/null when never set. */
export function usePref(key: string) {
  return useQuery(prefQuery(useClient(), key));
}

/** Stores a UI preference and updates the cached value at once. */
export function useSetPref() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: unknown }) => client.call('prefs.set', { key, value }),
    onMutate: ({ key, value }) => queryClient.setQueryData(prefQuery(client, key).queryKey, { value }),
  });
}
