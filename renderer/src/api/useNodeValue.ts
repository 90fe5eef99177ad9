import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

/** The value, token and metadata of one node: the first MiB by default, everything when `full`. */
export function useNodeValue(connectionId: string, path: string, full: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.nodeValue(connectionId, path, full),
    queryFn: () =>
      client.call('node.get', full ? { connectionId, path, maxBytes: 0 } : { connectionId, path }),
    retry: false,
  });
}
