import type { EventBus } from '../events/event.bus.js';
import type { JobInfo } from '../sync/job.registry.js';

/** At most one progress event per job in this interval; state changes are always sent. */
const INTERVAL_MS = 250;

/**
 * Turns job registry changes into `job.progress` events, throttled per job so a fast walk does not
 * flood the transports.
 */
export class ProgressEmitter {
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  /** For the JobRegistry's onChange. */
  readonly onChange = (info: JobInfo): void => {
    if (info.kind !== 'compare' && info.kind !== 'sync') return;
    const now = this.now();
    if (info.state === 'running') {
      if (now - (this.lastSent.get(info.id) ?? 0) < INTERVAL_MS) return;
      this.lastSent.set(info.id, now);
    } else {
      this.lastSent.delete(info.id);
    }
    this.events.emit('job.progress', {
      jobId: info.id,
      kind: info.kind,
      state: info.state,
      phase: info.progress?.phase ?? 'start',
      done: info.progress?.done ?? 0,
      total: info.progress?.total ?? null,
    });
  };
}
