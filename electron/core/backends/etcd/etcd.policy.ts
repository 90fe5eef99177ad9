import { GRPCUnavailableError, type IOptions } from 'etcd3';

type FaultHandling = NonNullable<IOptions['faultHandling']>;
type Policy = NonNullable<FaultHandling['global']>;
type Backoff = NonNullable<FaultHandling['watchBackoff']>;

const WATCH_BACKOFF_FIRST_MS = 250;
const WATCH_BACKOFF_MAX_MS = 4000;

/**
 * A policy that runs a call up to `attempts` times, retrying only when the server could not be reached
 * (the next attempt goes to another endpoint). The etcd3 defaults also retry timeouts, which could apply
 * a write twice after the session already reported TIMEOUT, and open a circuit breaker that keeps
 * refusing calls for five seconds after a server came back; neither suits an interactive console.
 */
function retryUnavailable(attempts: number): Policy {
  const noEvent = () => ({ dispose: () => undefined });
  const policy = {
    onSuccess: noEvent,
    onFailure: noEvent,
    async execute<T>(
      fn: (context: { signal: AbortSignal }) => PromiseLike<T> | T,
      signal?: AbortSignal,
    ): Promise<T> {
      const context = { signal: signal ?? new AbortController().signal };
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn(context);
        } catch (error) {
          if (attempt >= attempts || !(error instanceof GRPCUnavailableError)) throw error;
        }
      }
    },
  };
  // `_altReturn` is a type-only member of cockatiel's IPolicy ("will not actually be defined").
  return policy as unknown as Policy;
}

/** Capped exponential backoff for re-opening watch streams after a disconnect. */
function watchBackoff(durationMs: number): Backoff {
  return { duration: durationMs, next: () => watchBackoff(Math.min(durationMs * 2, WATCH_BACKOFF_MAX_MS)) };
}

/** Fault handling for a client over `endpointCount` endpoints: fail fast, fail over, resume watches quickly. */
export function faultHandling(endpointCount: number): FaultHandling {
  return {
    global: retryUnavailable(endpointCount),
    host: () => retryUnavailable(1),
    // The watch manager calls next() once before the first retry, so start at half the first delay.
    watchBackoff: watchBackoff(WATCH_BACKOFF_FIRST_MS / 2),
  };
}
