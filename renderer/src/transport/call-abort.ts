import type { CallResult } from '../../../shared/contract/wire.js';

/** The outcome of a call its caller stopped waiting for: the answer, if it ever comes, is dropped. */
export function cancelledCall(): CallResult {
  // i18n-exempt: the core-style sentence of a CANCELLED error; the UI shows its code's catalogue text.
  return { ok: false, error: { code: 'CANCELLED', message: 'The call was cancelled before it answered.' } };
}

/**
 * Settles with `answer`, or with CANCELLED at once when `signal` aborts first (a late answer is then
 * dropped). The work on the other side is not stopped: only the waiting is.
 */
export function untilAborted(
  answer: Promise<CallResult>,
  signal: AbortSignal | undefined,
): Promise<CallResult> {
  if (!signal) return answer;
  if (signal.aborted) return Promise.resolve(cancelledCall());
  return new Promise<CallResult>((resolve, reject) => {
    const onAbort = () => resolve(cancelledCall());
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
