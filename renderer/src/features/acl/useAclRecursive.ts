import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { aclText } from '../../../../shared/acl/acl.rules.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { nodePathOfKey, queryKeys } from '../../api/query-keys.js';
import { useClient } from '../../transport/ClientContext.js';

/** A running apply is asked for its progress this often. */
const POLL_MS = 300;

const isWithin = (node: string, root: string) => root === '/' || node === root || node.startsWith(`${root}/`);

interface Target {
  connectionId: string;
  path: string;
  entries: readonly AclEntry[];
}

/**
 * Applying an ACL to a subtree: the plan (read when the dialog opens), the apply as a core job polled for
 * its progress and report, and its cancel. The node ACLs cached under the subtree are refreshed at the end.
 */
export function useAclRecursive({ connectionId, path, entries }: Target) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const plan = useQuery({
    queryKey: queryKeys.aclPlan(connectionId, path, aclText(entries)),
    queryFn: ({ signal }) =>
      client.call('acl.planRecursive', { connectionId, path, entries: [...entries] }, { signal }),
    // Read once per dialog: walking a big subtree again is the user's choice, not a focus change's.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const apply = useMutation({
    mutationFn: (input: { confirmation?: string; confirmRemoveAdmin: boolean }) =>
      client.call('acl.applyRecursive', { connectionId, path, entries: [...entries], ...input }),
    onSuccess: ({ jobId: started }) => setJobId(started),
  });
  const result = useQuery({
    queryKey: queryKeys.aclRecursiveResult(jobId ?? ''),
    queryFn:
      jobId === null
        ? skipToken
        : async ({ signal }) => {
            const answer = await client.call('acl.recursiveResult', { jobId }, { signal });
            if (answer.state !== 'running') {
              // Every node ACL of the subtree may have changed.
              void queryClient.invalidateQueries({
                predicate: ({ queryKey }) => {
                  const node = nodePathOfKey(queryKey, connectionId);
                  return queryKey[4] === 'acl' && node !== null && isWithin(node, path);
                },
              });
            }
            return answer;
          },
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
  const cancel = useMutation({
    mutationFn: () => client.call('acl.recursiveCancel', { jobId: jobId ?? '' }),
    onSuccess: () => void result.refetch(),
  });
  return { plan, apply, jobId, result, cancel };
}
