import { AppError } from '../../../../shared/errors.js';
import { toAppError } from './zookeeper.errors.js';

/** What a single call needs to know about the connection it runs on. */
export interface CallContext {
  /** Bound on every call: the session timeout. */
  readonly timeoutMs: number;
  /** `host:port,…` for messages. */
  readonly endpointLabel: string;
  isConnected(): boolean;
  /** Non-null once the session can no longer serve calls (closed, expired, auth failed). */
  deadReason(): AppError | null;
}

export type Done<T> = (error: unknown, value: T) => void;

/** `5 s`, `1.5 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Runs one callback-style library call as a promise that always settles within the session timeout.
 * Writes are refused while disconnected: the library would queue them and send them after a reconnect,
 * long after the caller was told the call failed.
 */
export function callZk<T>(
  ctx: CallContext,
  kind: 'read' | 'write',
  op: string,
  path: string,
  invoke: (done: Done<T>) => void,
): Promise<T> {
  const dead = ctx.deadReason();
  if (dead !== null) return Promise.reject(dead);
  if (kind === 'write' && !ctx.isConnected()) {
    return Promise.reject(
      new AppError(
        'UNREACHABLE',
        `ZooKeeper at ${ctx.endpointLabel} is not connected; ${op} ${path} was not sent.`,
      ),
    );
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(
        ctx.isConnected()
          ? new AppError(
              'TIMEOUT',
              `ZooKeeper did not answer ${op} ${path} within ${seconds(ctx.timeoutMs)}.`,
            )
          : new AppError(
              'UNREACHABLE',
              `Could not reach ZooKeeper at ${ctx.endpointLabel} within ${seconds(ctx.timeoutMs)}.`,
            ),
      );
    }, ctx.timeoutMs);
    const done: Done<T> = (error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(toAppError(error, op, path));
      else resolve(value);
    };
    try {
      invoke(done);
    } catch (error) {
      // Argument assertions of the library throw synchronously.
      done(error, undefined as T);
    }
  });
}
