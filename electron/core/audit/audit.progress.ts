import type { AuditVerifyProgress } from '../../../shared/model/audit.js';

/** At most this many progress events a second (the UI's bar needs no more). */
const EVENTS_PER_SECOND = 4;

/**
 * Wraps `emit` so a verify's progress goes out at most a few times a second: the first report, then one per
 * interval, and always the last one (bytesDone = bytesTotal) so the bar ends full.
 */
export function throttledVerifyProgress(
  emit: (progress: AuditVerifyProgress) => void,
  now: () => number = () => performance.now(),
): (progress: AuditVerifyProgress) => void {
  const interval = 1000 / EVENTS_PER_SECOND;
  let last = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const time = now();
    const done = progress.bytesDone >= progress.bytesTotal;
    if (!done && time - last < interval) return;
    last = time;
    emit(progress);
  };
}
