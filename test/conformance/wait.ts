import { isAppError, type ErrorCode } from '../../shared/errors.js';

/** How a call settled: 'ok', or the code of the AppError it failed with. */
export async function outcome(call: Promise<unknown>): Promise<'ok' | ErrorCode> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

/** Polls `probe` every 100 ms until it gives `wanted`; resolves with the last answer (for the assertion). */
export async function eventually<T>(probe: () => Promise<T>, wanted: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value === wanted || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves with the settled outcome of a connect and how long it took; a session it opened is closed. */
export async function timedConnect(
  connect: Promise<{ close(): Promise<void> }>,
): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    const session = await connect;
    const ms = Date.now() - started;
    await session.close();
    return { error: null, ms };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
