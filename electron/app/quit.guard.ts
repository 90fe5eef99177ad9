import type { App } from 'electron';

/** How long quitting waits for the core to close its sessions before giving up on it. */
export const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * Runs `shutdown` (closing the core: sessions, watches, pending audit writes) before the app exits.
 * Electron does not await 'will-quit' listeners, so the first quit is held back and repeated when done.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, shutdown: () => Promise<void>): void {
  let phase: 'running' | 'closing' | 'closed' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'closed') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error(`The core did not close within ${SHUTDOWN_TIMEOUT_MS} ms; quitting anyway.`);
        resolve();
      }, SHUTDOWN_TIMEOUT_MS);
    });
    Promise.race([shutdown(), timeout])
      .catch((error: unknown) => console.error(`Closing the core failed: ${String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        phase = 'closed';
        app.quit();
      });
  });
}
