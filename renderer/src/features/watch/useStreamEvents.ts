import { useEffect, useMemo, useRef, useState } from 'react';
import type { StreamEvent, StreamFilter, StreamInfo } from '../../../../shared/model/event-stream.js';
import { readStreamEvents } from '../../api/stream.queries.js';
import { useEvent } from '../../api/useEvent.js';
import { useClient } from '../../transport/ClientContext.js';
import { EventRate } from './event-rate.js';
import { StreamFeed, type FeedSnapshot } from './stream-feed.js';

/** A filter that narrows anything: then the core filters (stream.events), not the window. */
export function isFiltering(filter: StreamFilter): boolean {
  return (filter.pathGlob?.trim() ?? '') !== '' || (filter.types?.length ?? 0) > 0;
}

/** Index of the first event after `seq` in events sorted by sequence number. */
function cutAfter(events: readonly StreamEvent[], seq: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid]!.seq <= seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface StreamEventsView {
  /** The events shown, oldest first: all of the mirror, or those up to the pause. */
  events: readonly StreamEvent[];
  /** Sequence number the feed has looked up to (where a pause freezes the view). */
  lastSeq: number;
  /** Events that arrived since the pause (shown on resume). */
  buffered: number;
  loading: boolean;
  error: unknown;
  rate: EventRate;
  /** Forgets the window's copy (after the core's ring was cleared). */
  clearLocal: () => void;
}

const EMPTY: FeedSnapshot = { events: [], lastSeq: 0, loading: true, error: null };

/**
 * The events of one stream for the Watch tab: read from the core's ring, then followed through the
 * `stream.appended` pushes into a bounded mirror (see StreamFeed). The view is redrawn at most once per
 * animation frame however many pushes came, so 1,000 events/s stay smooth. While paused (`pausedAt`, a
 * sequence number), events keep arriving into the mirror and only those up to the pause are shown.
 */
export function useStreamEvents(
  info: StreamInfo,
  filter: StreamFilter,
  pausedAt: number | null,
): StreamEventsView {
  const client = useClient();
  const { streamId, capacity } = info;
  const [rate] = useState(() => new EventRate());
  const filtering = isFiltering(filter);
  const filterKey = JSON.stringify([filter.pathGlob ?? '', [...(filter.types ?? [])].sort()]);
  const feedKey = `${streamId}\u0000${capacity}\u0000${filterKey}`;
  const [shot, setShot] = useState<{ key: string; snapshot: FeedSnapshot }>({ key: '', snapshot: EMPTY });
  const feedRef = useRef<StreamFeed | null>(null);

  useEffect(() => {
    let frame: number | null = null;
    const feed = new StreamFeed(
      capacity,
      filtering,
      (afterSeq, signal) => readStreamEvents(client, streamId, afterSeq, filter, signal),
      () => {
        frame ??= requestAnimationFrame(() => {
          frame = null;
          setShot({ key: feedKey, snapshot: feed.snapshot() });
        });
      },
    );
    feedRef.current = feed;
    feed.start();
    return () => {
      feed.dispose();
      if (frame !== null) cancelAnimationFrame(frame);
      if (feedRef.current === feed) feedRef.current = null;
    };
    // `feedKey` stands for the stream and the filter's contents: a new filter object alike reads nothing anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, feedKey]);

  useEvent('stream.appended', (payload) => {
    if (payload.streamId !== streamId || payload.events.length === 0) return;
    rate.add(Date.now(), payload.events.length);
    feedRef.current?.push(payload.events);
  });

  // A snapshot of an earlier stream or filter is not shown: the new one is loading.
  const snapshot = shot.key === feedKey ? shot.snapshot : EMPTY;
  const all = snapshot.events;
  const cut = useMemo(() => (pausedAt === null ? all.length : cutAfter(all, pausedAt)), [all, pausedAt]);
  const events = useMemo(() => (cut === all.length ? all : all.slice(0, cut)), [all, cut]);

  return {
    events,
    lastSeq: snapshot.lastSeq,
    buffered: all.length - cut,
    loading: snapshot.loading,
    error: snapshot.error,
    rate,
    clearLocal: () => {
      rate.clear();
      feedRef.current?.clear();
    },
  };
}
