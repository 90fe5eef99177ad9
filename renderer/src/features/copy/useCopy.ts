import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../shared/contract/methods.js';
import { queryKeys } from '../../api/query-keys.js';
import { useClient } from '../../transport/ClientContext.js';

/** A copy job's result is polled this often while it runs. */
const POLL_MS = 400;

/** Plans a copy (copy.plan): nothing is written, the plan is kept by the core until applied. */
export function usePlanCopy() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'copy.plan'>) => client.call('copy.plan', input),
  });
}

/** Starts applying a plan (copy.apply); resolves with the job to poll. */
export function useApplyCopy() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: MethodInput<'copy.apply'>) => client.call('copy.apply', input),
  });
}

/** Asks a running copy to stop. */
export function useCancelCopy() {
  const client = useClient();
  return useMutation({ mutationFn: (jobId: string) => client.call('copy.cancel', { jobId }) });
}

/** State, progress and report of a copy job, polled while it runs (none while `jobId` is null). */
export function useCopyResult(jobId: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.copyResult(jobId ?? ''),
    queryFn: jobId === null ? skipToken : ({ signal }) => client.call('copy.result', { jobId }, { signal }),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
}

/** Once a copy ended, what both connections show is asked again (the tree, values, counts). */
export function useRefreshAfterCopy() {
  const queryClient = useQueryClient();
  return (connectionIds: readonly string[]) => {
    for (const id of new Set(connectionIds)) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.connection(id) });
    }
  };
}
