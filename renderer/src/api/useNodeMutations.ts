import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/contract/methods.js';
import { ancestorsOf, parentPath } from '../../../shared/paths.js';
import { useClient } from '../transport/ClientContext.js';
import { forgetNode } from './node-cache.js';
import { queryKeys } from './query-keys.js';

type CreateInput = Omit<MethodInput<'node.create'>, 'connectionId'>;
type DeleteInput = Omit<MethodInput<'node.delete'>, 'connectionId'>;

/** Creates a node (with the create mode the capabilities allow) and refreshes the levels it appears in. */
export function useCreateNode(connectionId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInput) => client.call('node.create', { connectionId, ...input }),
    onSuccess: ({ path }) => {
      // Only the store knows where the new child sorts, and parents may have been created along the way:
      // every ancestor's level is asked again.
      for (const ancestor of ancestorsOf(path)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.children(connectionId, ancestor) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, path) });
    },
  });
}

/** Deletes a node (recursively when asked): it and everything beneath it leave the cache. */
export function useDeleteNode(connectionId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteInput) => client.call('node.delete', { connectionId, ...input }),
    onSuccess: (_result, { path }) => {
      forgetNode(queryClient, connectionId, path, { refetchShown: false });
      // The parent's own stat (its child count, its version) is the store's to tell.
      const parent = parentPath(path);
      if (parent)
        void queryClient.invalidateQueries({ queryKey: queryKeys.nodeValues(connectionId, parent) });
    },
  });
}
