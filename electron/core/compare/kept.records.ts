/** How long a finished job (or an unused plan) stays fetchable, and how many are kept at most. */
export const KEEP_MS = 30 * 60 * 1000;
export const KEEP_MAX = 20;

interface Kept<T> {
  value: T;
  /** When it was stored or last finished. */
  at: number;
}

/**
 * Records of jobs and plans held for one core: finished ones are forgotten after KEEP_MS, and the
 * oldest finished ones go first once more than KEEP_MAX are kept (running ones are never dropped).
 */
export class KeptRecords<T> {
  private readonly records = new Map<string, Kept<T>>();

  constructor(
    private readonly isRunning: (value: T) => boolean,
    private readonly onForget: (id: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  add(id: string, value: T): void {
    this.prune();
    this.records.set(id, { value, at: this.now() });
    this.prune();
  }

  get(id: string): T | undefined {
    return this.records.get(id)?.value;
  }

  /** Restarts the retention clock (a job just finished). */
  touch(id: string): void {
    const kept = this.records.get(id);
    if (kept !== undefined) kept.at = this.now();
  }

  /** Drops expired records, then the oldest finished ones while there are too many. */
  prune(): void {
    const now = this.now();
    for (const [id, kept] of this.records) {
      if (!this.isRunning(kept.value) && now - kept.at > KEEP_MS) this.drop(id);
    }
    if (this.records.size <= KEEP_MAX) return;
    const finished = [...this.records].filter(([, kept]) => !this.isRunning(kept.value));
    finished.sort(([, a], [, b]) => a.at - b.at);
    for (const [id] of finished.slice(0, this.records.size - KEEP_MAX)) this.drop(id);
  }

  private drop(id: string): void {
    this.records.delete(id);
    this.onForget(id);
  }
}
