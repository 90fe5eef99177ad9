/** What a long-running engine call reports while it works; the UI maps it to a progress bar. */
export interface JobProgress {
  /** Which stage runs: walking the trees, reading values, writing, exporting. */
  phase: 'walk' | 'values' | 'apply' | 'export';
  /** Units finished so far (keys read, items written). */
  done: number;
  /** Units expected in all, when known. */
  total: number | null;
  /** Per-side counts while walking two sources. */
  left?: SideProgress;
  right?: SideProgress;
}

export interface SideProgress {
  keys: number;
  folders: number;
}

/** How a caller controls a job: cancel with `signal`, hear progress through `onProgress`. */
export interface JobContext {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** Throws CANCELLED when the job's signal fired. */
export { cancelled, throwIfCancelled } from '../backends/subtree.scan.js';

/** Calls `report` at most every `intervalMs`, plus once when `flush` is called (the final figures). */
export function throttled<T>(
  report: ((value: T) => void) | undefined,
  intervalMs = 100,
): { push(value: T): void; flush(value: T): void } {
  let last = 0;
  return {
    push(value) {
      if (report === undefined) return;
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      report(value);
    },
    flush(value) {
      report?.(value);
    },
  };
}
