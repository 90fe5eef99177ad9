import type { StreamEvent, StreamInfo } from '../../../../shared/model/event-stream.js';
import { EventMirror } from './event-mirror.js';

/** One read of the core's ring after a sequence number (under the feed's filter). */
export type ReadPage = (
  afterSeq: number,
  signal: AbortSignal,
) => Promise<{ events: StreamEvent[]; info: StreamInfo; more: boolean }>;

/** What the window shows of a feed at one moment. */
export interface FeedSnapshot {
  events: readonly StreamEvent[];
  /** Sequence number up to which the feed has looked (kept or filtered out). */
  lastSeq: number;
  loading: boolean;
  error: unknown;
}

/**
 * The window's side of one stream under one filter: a first read of the core's ring, then the pushes.
 * Unfiltered, pushes are appended as they come (those that arrive during the first read wait for it, so
 * nothing is skipped or doubled); filtered, the core filters, and each push is a cue to read what matched
 * since the last read (one read at a time, one more when pushes came meanwhile).
 */
export class StreamFeed {
  private readonly mirror: EventMirror;
  private readonly abort = new AbortController();
  private pending: StreamEvent[][] = [];
  private loaded = false;
  private reading = false;
  private again = false;
  private error: unknown = null;

  constructor(
    capacity: number,
    private readonly filtered: boolean,
    private readonly readPage: ReadPage,
    private readonly onChange: () => void,
  ) {
    this.mirror = new EventMirror(capacity);
  }

  start(): void {
    void this.read();
  }

  /** New events of the stream, as pushed (unfiltered). */
  push(events: readonly StreamEvent[]): void {
    if (this.abort.signal.aborted || events.length === 0) return;
    if (this.filtered) void this.read();
    else if (!this.loaded) this.pending.push([...events]);
    else if (this.mirror.append(events) > 0) this.onChange();
  }

  /** Forgets the events shown (the core's ring was cleared). */
  clear(): void {
    this.mirror.clear();
    this.onChange();
  }

  dispose(): void {
    this.abort.abort();
  }

  snapshot(): FeedSnapshot {
    return {
      events: this.mirror.events,
      lastSeq: this.mirror.lastSeq,
      loading: !this.loaded && this.error === null,
      error: this.error,
    };
  }

  private async read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        let more = true;
        while (more && !this.abort.signal.aborted) {
          const page = await this.readPage(this.mirror.lastSeq, this.abort.signal);
          if (this.abort.signal.aborted) return;
          this.mirror.append(page.events);
          // Everything up to the ring's newest event was looked at: the next read goes on from there.
          if (!page.more) this.mirror.seenUpTo(page.info.lastSeq);
          more = page.more;
        }
      } while (this.again && !this.abort.signal.aborted);
      if (!this.loaded) {
        this.loaded = true;
        for (const batch of this.pending) this.mirror.append(batch);
        this.pending = [];
      }
      this.error = null;
    } catch (caught) {
      if (this.abort.signal.aborted) return;
      this.error = caught;
    } finally {
      this.reading = false;
    }
    this.onChange();
  }
}
