import type { StreamEvent } from '../../../../shared/model/event-stream.js';

/**
 * The window's bounded copy of one stream's events, oldest first: the same capacity as the core's ring,
 * so a busy stream costs the window no more than it costs the core. Each change makes a new array (one
 * per push, not per event), so React sees a new list and old snapshots (a paused view) stay intact.
 */
export class EventMirror {
  private list: readonly StreamEvent[] = [];
  private last = 0;

  constructor(readonly capacity: number) {}

  /** The events kept, oldest first (the same array until the next change). */
  get events(): readonly StreamEvent[] {
    return this.list;
  }

  /** Sequence number of the newest event seen (kept or not); reads and pushes go on after it. */
  get lastSeq(): number {
    return this.last;
  }

  /** Adds the events newer than the newest seen, dropping the oldest beyond capacity; returns how many. */
  append(events: readonly StreamEvent[]): number {
    const fresh = events.filter((event) => event.seq > this.last);
    if (fresh.length === 0) return 0;
    const joined = this.list.concat(fresh);
    this.list = joined.length > this.capacity ? joined.slice(joined.length - this.capacity) : joined;
    this.last = fresh[fresh.length - 1]!.seq;
    return fresh.length;
  }

  /** Marks everything up to `seq` as seen without keeping anything (a filtered read that matched nothing). */
  seenUpTo(seq: number): void {
    if (seq > this.last) this.last = seq;
  }

  /** Forgets the events; sequence numbers go on (the core never reuses them). */
  clear(): void {
    this.list = [];
  }
}
