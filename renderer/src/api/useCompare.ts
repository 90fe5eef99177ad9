import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import {
  compareValuesQuery,
  liveCompareResultQuery,
  syncResultQuery,
  type CompareResultPage,
} from './compare.queries.js';

/** State and one page of a comparison (none while `jobId` is null), polled every 500 ms while it runs. */
export function useCompareResult({
  jobId,
  ...page
}: Omit<CompareResultPage, 'jobId'> & { jobId: string | null }) {
  return useQuery({
    ...liveCompareResultQuery(useClient(), { jobId: jobId ?? '', ...page }),
    enabled: jobId !== null,
    // A new filter is a new key with no data yet: keep the same job's previous answer on screen meanwhile
    // (the list and the filter box being typed in stay mounted); another job's answer is never shown.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === jobId ? previous : undefined,
  });
}

/** Both current values of one compared key. */
export function useCompareValues(jobId: string, path: string | null) {
  return useQuery(compareValuesQuery(useClient(), jobId, path));
}

/** State and report of a sync job, polled every 500 ms while it runs. */
export function useSyncResult(jobId: string | null) {
  return useQuery(syncResultQuery(useClient(), jobId));
}
