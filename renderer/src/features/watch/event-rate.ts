/** Seconds the events-per-second chart covers. */
export const RATE_WINDOW_SECONDS = 60;

/**
 * Events per second over the last minute: one bucket per whole second of receive time, older buckets
 * forgotten, so the memory stays a few dozen numbers whatever the rate.
 */
export class EventRate {
  private readonly buckets = new Map<number, number>();
  private latestAt = 0;

  /** Receive time of the latest events counted (ms; 0 before any). */
  get latest(): number {
    return this.latestAt;
  }

  /** Counts `count` events received at `timeMs`. */
  add(timeMs: number, count = 1): void {
    const second = Math.floor(timeMs / 1000);
    this.latestAt = Math.max(this.latestAt, timeMs);
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + count);
    this.prune(second);
  }

  /** Events per second for the last RATE_WINDOW_SECONDS seconds up to `nowMs`, oldest first. */
  series(nowMs: number): number[] {
    const now = Math.floor(nowMs / 1000);
    this.prune(now);
    return Array.from({ length: RATE_WINDOW_SECONDS }, (_, i) => {
      const second = now - RATE_WINDOW_SECONDS + 1 + i;
      return this.buckets.get(second) ?? 0;
    });
  }

  clear(): void {
    this.buckets.clear();
  }

  private prune(now: number): void {
    for (const second of this.buckets.keys()) {
      if (second <= now - RATE_WINDOW_SECONDS) this.buckets.delete(second);
    }
  }
}
