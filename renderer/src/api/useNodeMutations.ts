import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/contract/methods.js';
import { isSelfOrAncestor, parentPath } from '../../../shared/paths.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

type SetInput = Omit<MethodInput<'node.set'>, 'connectionId'>;
type CreateInput = Omit<MethodInput<'node.create'>, 'connectionId'>;
type DeleteInput = Omit<MethodInput<'node.delete'>, 'connectionId'>;

/** Writes a value with the token it was read with (CAS); a mismatch rejects with CONFLICT. */
export function useSetNodeValue(connectionId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetInput) => client.call('node.set', { connectionId, ...input }),
    onSuccess: (_result, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, input.path) });
      const parent = parentPath(input.path);
      if (parent) void queryClient.invalidateQueries({ queryKey: queryKeys.children(connectionId, parent) });
    },
  });
}

/** Creates a node (with the create mode the capabilities allow) and refreshes its parent's children. */
export function useCreateNode(connectionId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInput) => client.call('node.create', { connectionId, ...input }),
    onSuccess: (result) => {
      // Parents may have been created along the way: refresh every ancestor level.
      for (let p = parentPath(result.path); p !== null; p = parentPath(p)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.children(connectionId, p) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, result.path) });
    },
  });
}

/** Deletes a node (recursively when asked) and forgets everything cached beneath it. */
export function useDeleteNode(connectionId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteInput) => client.call('node.delete', { connectionId, ...input }),
    onSuccess: (_result, input) => {
      queryClient.removeQueries({
        predicate: (query) => {
          const [scope, id, kind, path] = query.queryKey;
          return (
            scope === 'conn' &&
            id === connectionId &&
            (kind === 'node' || kind === 'count') &&
            typeof path === 'string' &&
            isSelfOrAncestor(input.path, path)
          );
        },
      });
      const parent = parentPath(input.path);
      if (parent) void queryClient.invalidateQueries({ queryKey: queryKeys.children(connectionId, parent) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, parent ?? '/') });
    },
  });
}
