import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { subtreeCountQuery } from './node.queries.js';

/** How many nodes a recursive delete of `path` would remove (the node itself included). */
export function useSubtreeCount(connectionId: string, path: string, enabled: boolean) {
  return useQuery({ ...subtreeCountQuery(useClient(), connectionId, path), enabled });
}
