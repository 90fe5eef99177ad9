import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** Version, transport and whether secrets can be stored (app.info). */
export function useAppInfo() {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.appInfo(),
    queryFn: () => client.call('app.info', {}),
    staleTime: Infinity,
  });
}
