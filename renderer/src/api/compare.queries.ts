import { queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** A job's result is polled this often while it runs. */
const POLL_MS = 500;

const runningPoll = (state: string | undefined) => (state === 'running' ? POLL_MS : false);

export interface CompareResultPage {
  jobId: string;
  onlyDifferences: boolean;
  pathContains: string;
  offset: number;
  limit: number;
}

/** State, summary and one page of entries of a comparison. */
export function compareResultQuery(client: ApiClient, page: CompareResultPage) {
  const { jobId, onlyDifferences, pathContains, offset, limit } = page;
  return queryOptions({
    queryKey: queryKeys.compareResult(jobId, onlyDifferences, pathContains, offset, limit),
    queryFn: ({ signal }) =>
      client.call(
        'compare.result',
        { jobId, onlyDifferences, ...(pathContains ? { pathContains } : {}), offset, limit },
        { signal },
      ),
  });
}

/** The same page, polled every 500 ms while the comparison runs. */
export function liveCompareResultQuery(client: ApiClient, page: CompareResultPage) {
  return queryOptions({
    ...compareResultQuery(client, page),
    refetchInterval: (query) => runningPoll(query.state.data?.state),
  });
}

/** Both current values of one compared key (none while `path` is null). */
export function compareValuesQuery(client: ApiClient, jobId: string, path: string | null) {
  return queryOptions({
    queryKey: queryKeys.compareValues(jobId, path ?? ''),
    queryFn:
      path === null ? skipToken : ({ signal }) => client.call('compare.values', { jobId, path }, { signal }),
  });
}

/** State and report of a sync job, polled every 500 ms while it runs (none while `jobId` is null). */
export function syncResultQuery(client: ApiClient, jobId: string | null) {
  return queryOptions({
    queryKey: queryKeys.syncResult(jobId ?? ''),
    queryFn: jobId === null ? skipToken : ({ signal }) => client.call('sync.result', { jobId }, { signal }),
    refetchInterval: (query) => runningPoll(query.state.data?.state),
  });
}
