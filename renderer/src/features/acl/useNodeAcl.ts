import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../shared/contract/methods.js';
import { queryKeys } from '../../api/query-keys.js';
import { useClient } from '../../transport/ClientContext.js';

type SetInput = Omit<MethodInput<'acl.set'>, 'connectionId' | 'path'>;

/** A node's ACL with its ACL version, and who the session is (what the admin-removal warning checks). */
export function useNodeAcl(connectionId: string, path: string) {
  const client = useClient();
  const acl = useQuery({
    queryKey: queryKeys.nodeAcl(connectionId, path),
    queryFn: ({ signal }) => client.call('acl.get', { connectionId, path }, { signal }),
  });
  const identities = useQuery({
    queryKey: queryKeys.aclIdentities(connectionId),
    queryFn: ({ signal }) => client.call('acl.identities', { connectionId }, { signal }),
  });
  return { acl, identities };
}

/** Saves a node's ACL guarded by its ACL version; the written ACL becomes the cached one. */
export function useSetAcl(connectionId: string, path: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetInput) => client.call('acl.set', { connectionId, path, ...input }),
    onSuccess: (written) => {
      queryClient.setQueryData(queryKeys.nodeAcl(connectionId, path), written);
      // The node's stat (its aversion) and the ACL node.get carries changed with it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.nodeValues(connectionId, path) });
    },
  });
}
