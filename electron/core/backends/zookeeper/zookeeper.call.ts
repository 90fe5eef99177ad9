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

/** `5 s`, `1.5 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Runs one client call as a promise that always settles within the session timeout, its rejection
 * mapped to an AppError. Writes are refused while disconnected: the client would keep them until a
 * reconnect and send them long after the caller was told the call failed.
 */
export function callZk<T>(
  ctx: CallContext,
  kind: 'read' | 'write',
  op: string,
  path: string,
  invoke: () => Promise<T>,
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
    const timer = setTimeout(() => {
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
    invoke().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(toAppError(error, op, path));
      },
    );
  });
}
