import { cancelled } from './job.js';

/**
 * Bounded concurrency with back-pressure: `run` waits for a free slot before starting the task, so a
 * producer that awaits it never queues more than `limit` tasks. The first failure is kept and every
 * later `run` rejects with it, so one broken read stops the whole pipeline quickly.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly limit: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Starts `task` once a slot is free; resolves when it started (not when it finished). */
  async run(task: () => Promise<void>): Promise<void> {
    while (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.check();
    this.active += 1;
    const running: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.active -= 1;
        this.running.delete(running);
        this.waiting.shift()?.();
      });
    this.running.add(running);
  }

  /** Waits for every started task; rejects with the first failure (or CANCELLED). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.check();
  }

  /** Whether a task failed (or the job was cancelled). */
  get failed(): boolean {
    return this.failure !== null;
  }

  private check(): void {
    if (this.failure === null && this.signal?.aborted) this.failure = { error: cancelled() };
    if (this.failure !== null) throw this.failure.error;
  }
}
