import { AppError } from '../../../../shared/errors.js';

/** How long one blocking query may wait for a change (Consul adds up to 1/16 of jitter). */
const WAIT_SECONDS = 30;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;
/** Consul's docs ask clients to rate-limit blocking loops; changes closer than this are batched. */
const MIN_INTERVAL_MS = 50;

/** How to make a query blocking: the index to wait past, the wait, and a deadline that covers it. */
export interface Blocking {
  index: string;
  wait: string;
  timeoutMs: number;
}

export interface BlockingQuery<T> {
  /** Runs the query once: a plain read when `blocking` is null. Must honour `signal`. */
  run(blocking: Blocking | null, signal: AbortSignal): Promise<{ value: T; index: string | null }>;
  /** Gets every answer, the first (the state the watch starts from) included. */
  onValue(value: T): void;
  /** Told of each failed attempt before the backoff (a stream reports the lost agent). */
  onFailure?(error: unknown): void;
  /** Told when an answer's index went below the one waited past; the next query is a plain read. */
  onReset?(waitedPast: string, received: string): void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs a blocking query until `signal` aborts. Each answer's X-Consul-Index is the index of the
 * next query. Following Consul's rules: an index that goes backwards is reset (the next query is
 * a plain read) and an index below 1 becomes 1. After a failure the loop retries with backoff and
 * first does a plain read: callers compare answers with the state they keep (which survives the
 * failure), so a change made while the agent was away is reported, and a restarted agent whose
 * index went backwards is not waited on until the old index comes round again.
 */
export async function runBlockingLoop<T>(
  query: BlockingQuery<T>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  let index: string | null = null;
  let failures = 0;
  while (!signal.aborted) {
    const started = Date.now();
    const blocking =
      index === null
        ? null
        : { index, wait: `${WAIT_SECONDS}s`, timeoutMs: (WAIT_SECONDS * 1000 * 17) / 16 + timeoutMs };
    try {
      const answer = await query.run(blocking, signal);
      if (answer.index === null)
        throw new AppError('INTERNAL', 'Consul sent no X-Consul-Index for a blocking query.');
      failures = 0;
      const received = BigInt(answer.index);
      if (blocking !== null && received < BigInt(blocking.index)) {
        index = null;
        query.onReset?.(blocking.index, answer.index);
      } else index = received < 1n ? '1' : answer.index;
      query.onValue(answer.value);
      const elapsed = Date.now() - started;
      if (blocking !== null && elapsed < MIN_INTERVAL_MS) await sleep(MIN_INTERVAL_MS - elapsed, signal);
    } catch (error) {
      if (signal.aborted) return;
      query.onFailure?.(error);
      failures++;
      index = null;
      await sleep(Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS), signal);
    }
  }
}
