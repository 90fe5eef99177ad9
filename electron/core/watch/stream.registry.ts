import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import {
  STREAM_RING_CAPACITY,
  type BackendStreamEvent,
  type StreamEvent,
  type StreamFilter,
  type StreamInfo,
  type StreamState,
} from '../../../shared/model/event-stream.js';
import type { BackendSession, OpenedStream, StreamOptions } from '../backends/backend.js';
import type { EventBus } from '../events/event.bus.js';
import { StreamRing } from './stream.ring.js';
import { streamFilter } from './stream.filter.js';

/** How often a stream's new events are pushed to the windows, at most: batches keep 1,000 events/s cheap. */
const PUSH_INTERVAL_MS = 25;

export interface StreamTarget {
  connectionId: string;
  connectionName: string;
  session: BackendSession;
}

interface LiveStream {
  id: string;
  connectionId: string;
  connectionName: string;
  path: string;
  recursive: boolean;
  startedAt: number;
  opened: OpenedStream | null;
  state: StreamState;
  error: string | null;
  ring: StreamRing;
  lastSeq: number;
  /** Events not pushed yet, and the timer that will push them. */
  pending: StreamEvent[];
  pushTimer: NodeJS.Timeout | null;
}

/** A change of one node as a stream recorded it, with the stream that saw it. */
export interface RecordedNodeEvent {
  streamId: string;
  event: StreamEvent;
}

/** `path` is `root` or below it. */
function isBelow(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}

/** Hears one stream's events as they are stamped, and its end (stopped, failed, connection closed). */
export interface StreamFollower {
  event(event: StreamEvent): void;
  ended(info: StreamInfo): void;
}

export interface StreamRegistryOptions {
  capacity?: number;
  /** The clock of receive times (tests pin it). */
  now?: () => number;
}

/**
 * The live streams of the engine: each holds one backend stream, stamps its events with a sequence number
 * and the local receive time, keeps them in a bounded ring and pushes them to the windows in batches.
 * Streams outlive the window that started them (a reload finds them again) and end with their connection.
 */
export class StreamRegistry {
  private readonly streams = new Map<string, LiveStream>();
  /** Listeners that hear every event as it is stamped and the end of the stream (the CLI), by stream. */
  private readonly followers = new Map<string, Set<StreamFollower>>();
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(
    private readonly events: EventBus | null,
    options: StreamRegistryOptions = {},
  ) {
    this.capacity = options.capacity ?? STREAM_RING_CAPACITY;
    this.now = options.now ?? Date.now;
  }

  /** Opens a stream on the target's session; rejects (and keeps nothing) when the store refuses to watch. */
  async start(target: StreamTarget, path: string, options: StreamOptions): Promise<StreamInfo> {
    const api = target.session.streams;
    if (!api) {
      throw new AppError(
        'UNSUPPORTED',
        `The server of "${target.connectionName}" offers no live event stream.`,
      );
    }
    const stream: LiveStream = {
      id: randomUUID(),
      connectionId: target.connectionId,
      connectionName: target.connectionName,
      path,
      recursive: options.recursive,
      startedAt: this.now(),
      opened: null,
      state: 'running',
      error: null,
      ring: new StreamRing(this.capacity),
      lastSeq: 0,
      pending: [],
      pushTimer: null,
    };
    const opened = await api.open(path, options, {
      emit: (event) => this.append(stream, event),
      fail: (error) => this.fail(stream, error),
    });
    stream.opened = opened;
    // A failure reported while opening leaves the stream failed; it is still listed with its reason.
    if (stream.state !== 'running') opened.stop();
    this.streams.set(stream.id, stream);
    return this.info(stream);
  }

  /** Stops a stream and keeps its events readable. */
  stop(streamId: string): StreamInfo {
    const stream = this.get(streamId);
    this.end(stream, 'stopped', null);
    return this.info(stream);
  }

  remove(streamId: string): boolean {
    const stream = this.streams.get(streamId);
    if (!stream) return false;
    this.end(stream, 'stopped', null);
    this.streams.delete(streamId);
    return true;
  }

  list(): StreamInfo[] {
    return [...this.streams.values()].map((stream) => this.info(stream));
  }

  read(
    streamId: string,
    afterSeq: number,
    limit: number,
    filter: StreamFilter,
  ): { events: StreamEvent[]; info: StreamInfo; more: boolean } {
    const stream = this.get(streamId);
    const { events, more } = stream.ring.read(afterSeq, limit, streamFilter(filter));
    return { events, info: this.info(stream), more };
  }

  /**
   * What every stream of a connection recorded about one node, oldest first within each stream: its changes
   * (created, changed, deleted) still in the rings, with the id of the stream that saw them (node history).
   */
  nodeEvents(connectionId: string, path: string, limit: number): RecordedNodeEvent[] {
    const found: RecordedNodeEvent[] = [];
    const ofNode = (event: StreamEvent): boolean =>
      event.path === path &&
      (event.type === 'created' || event.type === 'changed' || event.type === 'deleted');
    for (const stream of this.streams.values()) {
      if (stream.connectionId !== connectionId) continue;
      const covers = stream.path === path || (stream.recursive && isBelow(path, stream.path));
      if (!covers) continue;
      const { events } = stream.ring.read(0, Number.MAX_SAFE_INTEGER, ofNode);
      for (const event of events.slice(-limit)) found.push({ streamId: stream.id, event });
    }
    return found;
  }

  clear(streamId: string): StreamInfo {
    const stream = this.get(streamId);
    stream.ring.clear();
    stream.pending = [];
    return this.info(stream);
  }

  /** Ends every stream of a connection whose session closed (it stopped their backend watches). */
  forgetConnection(connectionId: string): void {
    for (const stream of this.streams.values()) {
      if (stream.connectionId === connectionId && stream.state === 'running') {
        this.end(stream, 'stopped', 'The connection was closed.');
      }
    }
  }

  stopAll(): void {
    for (const stream of this.streams.values()) this.end(stream, 'stopped', null);
    this.streams.clear();
  }

  /**
   * Hears every event of a stream as it is stamped, before batching (the CLI prints them one by one), and
   * its end; returns the function that stops listening.
   */
  follow(streamId: string, follower: StreamFollower): () => void {
    const stream = this.get(streamId);
    const followers = this.followers.get(stream.id) ?? new Set();
    followers.add(follower);
    this.followers.set(stream.id, followers);
    return () => followers.delete(follower);
  }

  private get(streamId: string): LiveStream {
    const stream = this.streams.get(streamId);
    if (!stream) throw new AppError('NOT_FOUND', 'That stream no longer exists; start a new one.');
    return stream;
  }

  private append(stream: LiveStream, reported: BackendStreamEvent): void {
    if (stream.state !== 'running') return;
    stream.lastSeq += 1;
    const event: StreamEvent = { ...reported, seq: stream.lastSeq, time: this.now() };
    stream.ring.push(event);
    for (const follower of this.followers.get(stream.id) ?? []) follower.event(event);
    if (this.events === null) return;
    stream.pending.push(event);
    stream.pushTimer ??= setTimeout(() => this.push(stream), PUSH_INTERVAL_MS);
  }

  private push(stream: LiveStream): void {
    stream.pushTimer = null;
    if (stream.pending.length === 0 || !this.streams.has(stream.id)) return;
    const events = stream.pending;
    stream.pending = [];
    this.events?.emit('stream.appended', { streamId: stream.id, events, info: this.info(stream) });
  }

  private fail(stream: LiveStream, error: AppError): void {
    this.end(stream, 'failed', error.message);
  }

  private end(stream: LiveStream, state: StreamState, error: string | null): void {
    if (stream.state !== 'running') return;
    stream.state = state;
    stream.error = error;
    stream.opened?.stop();
    if (stream.pushTimer !== null) clearTimeout(stream.pushTimer);
    stream.pushTimer = null;
    // What arrived before the end still reaches the windows, with the final state.
    const events = stream.pending;
    stream.pending = [];
    const info = this.info(stream);
    for (const follower of this.followers.get(stream.id) ?? []) follower.ended(info);
    this.followers.delete(stream.id);
    if (this.streams.has(stream.id)) {
      this.events?.emit('stream.appended', { streamId: stream.id, events, info: this.info(stream) });
    }
  }

  private info(stream: LiveStream): StreamInfo {
    const stats = stream.ring.stats();
    return {
      streamId: stream.id,
      connectionId: stream.connectionId,
      connectionName: stream.connectionName,
      path: stream.path,
      recursive: stream.recursive,
      method: stream.opened?.method ?? '',
      note: stream.opened?.note ?? null,
      markKind: stream.opened?.markKind ?? null,
      startedAt: stream.startedAt,
      state: stream.state,
      error: stream.error,
      total: stats.total,
      dropped: stats.dropped,
      kept: stats.kept,
      capacity: stream.ring.capacity,
      counts: stats.counts,
      lastSeq: stream.lastSeq,
    };
  }
}
