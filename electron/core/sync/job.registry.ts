import { randomUUID } from 'node:crypto';
import { toAppError } from '../api/to-app-error.js';
import type { JobContext, JobProgress } from './job.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** What a contract reports about a job: enough for a progress bar and a final status. */
export interface JobInfo {
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress | null;
  error: { code: string; message: string } | null;
}

interface Entry {
  info: JobInfo;
  controller: AbortController;
  result: Promise<unknown>;
}

/**
 * Long-running engine work (diff, sync apply, export) as cancellable jobs: each gets an id, an
 * AbortSignal and a progress callback; `onChange` hears every progress and the final state (the
 * contract turns it into events). Finished jobs are kept until `forget`, so a UI can fetch results.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly onChange: (info: JobInfo) => void = () => undefined) {}

  /** Starts `run` with the job's context; `result` settles like `run` (CANCELLED when cancelled). */
  start<T>(kind: string, run: (job: Required<JobContext>) => Promise<T>): { id: string; result: Promise<T> } {
    const id = randomUUID();
    const controller = new AbortController();
    const info: JobInfo = { id, kind, state: 'running', progress: null, error: null };
    const onProgress = (progress: JobProgress): void => {
      info.progress = progress;
      this.onChange({ ...info });
    };
    const result = run({ signal: controller.signal, onProgress }).then(
      (value) => {
        info.state = 'done';
        this.onChange({ ...info });
        return value;
      },
      (thrown: unknown) => {
        const error = toAppError(thrown);
        info.state = error.code === 'CANCELLED' ? 'cancelled' : 'failed';
        info.error = { code: error.code, message: error.message };
        this.onChange({ ...info });
        throw error;
      },
    );
    // The caller may never await the result; a failure is reported through onChange.
    result.catch(() => undefined);
    this.jobs.set(id, { info, controller, result });
    return { id, result };
  }

  /** Asks a running job to stop; false when there is no such job or it already ended. */
  cancel(id: string): boolean {
    const entry = this.jobs.get(id);
    if (entry === undefined || entry.info.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  get(id: string): JobInfo | undefined {
    const entry = this.jobs.get(id);
    return entry === undefined ? undefined : { ...entry.info };
  }

  /** The job's result promise (for a contract call that fetches it once done). */
  result(id: string): Promise<unknown> | undefined {
    return this.jobs.get(id)?.result;
  }

  /** Drops a finished job and its result; a running one is cancelled first. */
  forget(id: string): void {
    this.cancel(id);
    this.jobs.delete(id);
  }
}
