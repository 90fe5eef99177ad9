import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import { AppError } from '../../../shared/errors.js';
import { errnoCode } from './json-file.js';

/** A holder that stopped refreshing its lock (a crashed process) loses it after this long. */
const STALE_MS = 5_000;

/**
 * Runs `task` while holding an exclusive lock on `file` shared by every process on the machine (a
 * `<file>.lock` directory, refreshed while held, taken over once stale), so two ConfigDeck processes (the
 * app and the CLI, two CLI runs) never append to the same file at once. Waits a few seconds for another
 * holder, then fails with INTERNAL.
 */
export async function withFileLock<T>(file: string, what: string, task: () => Promise<T>): Promise<T> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  let release: () => Promise<void>;
  try {
    release = await lock(file, {
      realpath: false,
      stale: STALE_MS,
      // About ten seconds of retries: longer than a crashed holder's lock takes to go stale.
      retries: { retries: 120, factor: 1.2, minTimeout: 5, maxTimeout: 100 },
      // A lock taken over while held means the holder stalled past STALE_MS; the task itself is not undone.
      onCompromised: () => undefined,
    });
  } catch (error) {
    const why = errnoCode(error) === 'ELOCKED' ? 'another ConfigDeck process kept it locked' : String(error);
    throw new AppError('INTERNAL', `Cannot write ${what}: ${why}; try again.`);
  }
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}
