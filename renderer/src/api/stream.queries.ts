import { queryOptions } from '@tanstack/react-query';
import type { StreamFilter } from '../../../shared/model/event-stream.js';
import type { ApiClient } from '../transport/api-client.js';
import { queryKeys } from './query-keys.js';

/** Events asked per read of a stream's ring (the ring holds 20,000; a few reads fill the mirror). */
export const STREAM_READ_LIMIT = 5_000;

/** The core's streams, of every connection (they survive a reload of the window). */
export function streamListQuery(client: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.streams(),
    queryFn: ({ signal }) => client.call('stream.list', {}, { signal }),
  });
}

/**
 * One read of a stream's ring after `afterSeq` under a filter (not cached: the Watch tab keeps its own
 * bounded mirror of the events, fed by these reads and by the `stream.appended` pushes).
 */
export function readStreamEvents(
  client: ApiClient,
  streamId: string,
  afterSeq: number,
  filter: StreamFilter,
  signal?: AbortSignal,
) {
  return client.call(
    'stream.events',
    { streamId, afterSeq, limit: STREAM_READ_LIMIT, ...filter },
    signal ? { signal } : {},
  );
}
