import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { StreamInfo } from '../../../shared/model/event-stream.js';
import { useClient } from '../transport/ClientContext.js';
import { queryKeys } from './query-keys.js';
import { streamListQuery } from './stream.queries.js';
import { useEvent } from './useEvent.js';

/** Puts a stream's newest info into the cached list (adding it when new). */
export function upsertStreamInfo(queryClient: QueryClient, info: StreamInfo): void {
  queryClient.setQueryData<StreamInfo[]>(queryKeys.streams(), (list) => {
    if (!list) return [info];
    const index = list.findIndex((s) => s.streamId === info.streamId);
    if (index < 0) return [...list, info];
    const next = [...list];
    next[index] = info;
    return next;
  });
}

/** The core's streams, their counts kept current by the `stream.appended` pushes. */
export function useStreamList() {
  const queryClient = useQueryClient();
  const query = useQuery(streamListQuery(useClient()));
  useEvent('stream.appended', ({ info }) => upsertStreamInfo(queryClient, info));
  return query;
}

export interface StartStreamInput {
  connectionId: string;
  path: string;
  recursive: boolean;
  sinceRevision?: string;
}

/** Starts a stream; the list shows it at once. */
export function useStartStream() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartStreamInput) => client.call('stream.start', input),
    onSuccess: (info) => upsertStreamInfo(queryClient, info),
  });
}

/** Stops a stream (its events stay readable). */
export function useStopStream() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (streamId: string) => client.call('stream.stop', { streamId }),
    onSuccess: (info) => upsertStreamInfo(queryClient, info),
  });
}

/** Empties a stream's ring (counts restart). */
export function useClearStream() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (streamId: string) => client.call('stream.clear', { streamId }),
    onSuccess: (info) => upsertStreamInfo(queryClient, info),
  });
}

/** Stops and forgets a stream with its events. */
export function useRemoveStream() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (streamId: string) => client.call('stream.remove', { streamId }),
    onSuccess: (_, streamId) =>
      queryClient.setQueryData<StreamInfo[]>(queryKeys.streams(), (list) =>
        list?.filter((s) => s.streamId !== streamId),
      ),
  });
}
