import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';

const POLL_MS = 500;

export interface CompareResultQuery {
  jobId: string | null;
  onlyDifferences: boolean;
  pathContains: string;
  offset: number;
  limit: number;
}

/** State and one page of a comparison, polled every 500 ms while the job runs. */
export function useCompareResult({
  jobId,
  onlyDifferences,
  pathContains,
  offset,
  limit,
}: CompareResultQuery) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.compareResult(jobId ?? '', onlyDifferences, pathContains, offset, limit),
    queryFn: () =>
      client.call('compare.result', {
        jobId: jobId ?? '',
        onlyDifferences,
        ...(pathContains ? { pathContains } : {}),
        offset,
        limit,
      }),
    enabled: jobId !== null,
    // A new filter is a new key with no data yet: keep the same job's previous answer on screen meanwhile
    // (the list and the filter box being typed in stay mounted); another job's answer is never shown.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === jobId ? previous : undefined,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
}

/** Both current values of one compared key. */
export function useCompareValues(jobId: string | null, path: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.compareValues(jobId ?? '', path ?? ''),
    queryFn: () => client.call('compare.values', { jobId: jobId ?? '', path: path ?? '' }),
    enabled: jobId !== null && path !== null,
  });
}

/** State and report of a sync job, polled every 500 ms while it runs. */
export function useSyncResult(jobId: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.syncResult(jobId ?? ''),
    queryFn: () => client.call('sync.result', { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    // A new filter is a new key with no data yet: keep the same job's previous answer on screen meanwhile
    // (the list and the filter box being typed in stay mounted); another job's answer is never shown.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === jobId ? previous : undefined,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
  });
}
