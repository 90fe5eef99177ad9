import { AppError } from '../../../shared/errors.js';
import { toAppError } from '../api/to-app-error.js';
import { throttled, type JobContext } from './job.js';
import type { ItemOutcome, SyncItem, SyncItemResult, SyncReport } from './sync.types.js';

/** Failures after which the target cannot take more writes: the rest of the plan is skipped. */
const STOP_CODES = new Set([
  'UNREACHABLE',
  'NOT_CONNECTED',
  'TIMEOUT',
  'AUTH_FAILED',
  'INTERNAL',
  'CANCELLED',
]);

/** Whether a failure means the target cannot take more writes. */
export function stopsTheApply(error: AppError): boolean {
  return STOP_CODES.has(error.code);
}

/**
 * The state of one apply: the outcome of every item settled so far, the failure that stopped it early
 * (or the cancellation), and the progress reported while items settle.
 */
export class ApplyRun {
  private readonly results = new Map<SyncItem, SyncItemResult>();
  private stoppedBy: AppError | null = null;
  private readonly progress: ReturnType<typeof throttled<{ phase: 'apply'; done: number; total: number }>>;

  constructor(
    private readonly selected: readonly SyncItem[],
    private readonly job: JobContext,
  ) {
    this.progress = throttled(job.onProgress);
  }

  /** Whether items may still be written: nothing stopped the apply and the job was not cancelled. */
  get open(): boolean {
    if (this.stoppedBy === null && this.job.signal?.aborted) {
      this.stoppedBy = new AppError('CANCELLED', 'The sync was cancelled.');
    }
    return this.stoppedBy === null;
  }

  /** Ends the apply early: items not settled yet are reported as skipped. */
  stop(error: AppError): void {
    this.stoppedBy ??= error;
  }

  settle(item: SyncItem, outcome: ItemOutcome, error: AppError | null): void {
    this.results.set(item, {
      path: item.path,
      action: item.action,
      outcome,
      error: error && { code: error.code, message: error.message },
    });
    this.progress.push(this.figures());
  }

  /** Settles an item that failed: a conflict, or a failure (one that stops the apply when the target is gone). */
  fail(item: SyncItem, thrown: unknown): void {
    const error = toAppError(thrown);
    this.settle(item, error.code === 'CONFLICT' ? 'conflict' : 'failed', error);
    if (stopsTheApply(error)) this.stop(error);
  }

  /** The outcome of an item, when settled. */
  outcome(item: SyncItem): ItemOutcome | null {
    return this.results.get(item)?.outcome ?? null;
  }

  /**
   * Runs `task` for each item, `window` at a time, while the apply is open; a rejected task settles its
   * item through `fail`. The task settles its item itself when it succeeds.
   */
  async each(
    items: readonly SyncItem[],
    window: number,
    task: (item: SyncItem) => Promise<void>,
  ): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const item = items[next++]!;
        if (!this.open) continue;
        await task(item).catch((thrown: unknown) => this.fail(item, thrown));
      }
    };
    await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
  }

  /** The report of the apply; items never settled were skipped. */
  report(plan: { syncId: string; source: string; target: string }, durationMs: number): SyncReport {
    const items = this.selected.map(
      (item) =>
        this.results.get(item) ?? {
          path: item.path,
          action: item.action,
          outcome: 'skipped' as const,
          error: null,
        },
    );
    const summary = { applied: 0, conflict: 0, failed: 0, skipped: 0 };
    for (const item of items) summary[item.outcome] += 1;
    this.progress.flush(this.figures());
    const stoppedBy = this.stoppedBy && { code: this.stoppedBy.code, message: this.stoppedBy.message };
    return {
      syncId: plan.syncId,
      source: plan.source,
      target: plan.target,
      summary,
      items,
      stoppedBy,
      durationMs,
    };
  }

  private figures() {
    return { phase: 'apply' as const, done: this.results.size, total: this.selected.length };
  }
}
