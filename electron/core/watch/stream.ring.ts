import {
  StreamEventTypeSchema,
  type StreamCounts,
  type StreamEvent,
  type StreamEventType,
} from '../../../shared/model/event-stream.js';

const EVENT_TYPES = StreamEventTypeSchema.options;

function zeroCounts(): StreamCounts {
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as StreamCounts;
}

/**
 * The events of one stream, bounded: a fixed-size ring that overwrites its oldest event when full and counts
 * what it dropped. Sequence numbers grow by one per event, so a read after a sequence number is a search.
 */
export class StreamRing {
  private readonly slots: (StreamEvent | undefined)[];
  /** Index of the oldest kept event. */
  private head = 0;
  private size = 0;
  private dropped = 0;
  private total = 0;
  private counts = zeroCounts();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<StreamEvent | undefined>(capacity);
  }

  push(event: StreamEvent): void {
    if (this.size < this.capacity) {
      this.slots[(this.head + this.size) % this.capacity] = event;
      this.size += 1;
    } else {
      this.slots[this.head] = event;
      this.head = (this.head + 1) % this.capacity;
      this.dropped += 1;
    }
    this.total += 1;
    this.counts[event.type] += 1;
  }

  /** Events after `afterSeq`, oldest first, that `matches` accepts; at most `limit`, with whether more match. */
  read(
    afterSeq: number,
    limit: number,
    matches: (event: StreamEvent) => boolean,
  ): { events: StreamEvent[]; more: boolean } {
    const events: StreamEvent[] = [];
    for (let i = this.firstAfter(afterSeq); i < this.size; i++) {
      const event = this.at(i);
      if (!matches(event)) continue;
      if (events.length === limit) return { events, more: true };
      events.push(event);
    }
    return { events, more: false };
  }

  /** Empties the ring and its counts (sequence numbers are the registry's and go on). */
  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.dropped = 0;
    this.total = 0;
    this.counts = zeroCounts();
  }

  stats(): { kept: number; dropped: number; total: number; counts: StreamCounts } {
    return { kept: this.size, dropped: this.dropped, total: this.total, counts: { ...this.counts } };
  }

  private at(index: number): StreamEvent {
    return this.slots[(this.head + index) % this.capacity]!;
  }

  /** Index of the first kept event with a sequence number above `seq` (kept events are in order). */
  private firstAfter(seq: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.at(mid).seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export type { StreamEventType };
