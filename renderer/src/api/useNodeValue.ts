import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { nodeValueQuery } from './node.queries.js';

/** The value, token and metadata of one node: the first MiB by default, everything when `full`. */
export function useNodeValue(connectionId: string, path: string, full: boolean) {
  return useQuery(nodeValueQuery(useClient(), connectionId, path, full));
}
