import type { ZkWatchEvent } from './client/index.js';
import type { StreamReader } from './zookeeper.stream.reads.js';

/** The notifications a stream acts on (the *Removed ones only confirm a stop). */
export type StreamNotification = ZkWatchEvent & {
  type: 'created' | 'deleted' | 'dataChanged' | 'childrenChanged';
};

/** Passes on the notifications a stream acts on. */
export function notificationOf(event: ZkWatchEvent): StreamNotification | null {
  return event.type === 'created' ||
    event.type === 'deleted' ||
    event.type === 'dataChanged' ||
    event.type === 'childrenChanged'
    ? (event as StreamNotification)
    : null;
}

/** How a stream has the server tell it of changes: one persistent watch, or one-shot watches re-armed. */
export interface WatchStrategy {
  /** In a few words, shown with the stream. */
  readonly method: string;
  /** What the method cannot see, in one sentence; null when nothing. */
  readonly note: string | null;
  /** Whether the reads re-arm watches: then every change is found by a watch on the node or its parent. */
  readonly rearms: boolean;
  /** The reads of the stream (a one-shot strategy's arm watches on what they read). */
  readonly reader: StreamReader;
  /** Sets the server-side watch that does not come with the reads; rejects when the server refuses it. */
  start(): Promise<void>;
  /** The node is gone: its one-shot watches went with it. */
  forget(path: string): void;
  /** Takes the stream's watches off the server; failures (a lost connection) are ignored. */
  stop(): void;
}
