import type { BrowserWindow } from 'electron';

/** The app's console windows, all on the one core; the last focused (or opened) comes first. */
export interface AppWindows {
  /** Opens one more window (File › New Window, activate on macOS with none left). */
  open(): BrowserWindow;
  /** The windows still open, most recently focused first. */
  all(): readonly BrowserWindow[];
  /** The window a dialog or a second instance should go to, or null when none is open. */
  latest(): BrowserWindow | null;
}

/** Keeps track of the windows `create` opens: forgotten when closed, moved to the front when focused. */
export function trackAppWindows(create: () => BrowserWindow): AppWindows {
  let windows: BrowserWindow[] = [];
  const toFront = (window: BrowserWindow) => {
    windows = [window, ...windows.filter((other) => other !== window)];
  };
  const open = (): BrowserWindow => {
    const window = create();
    toFront(window);
    window.on('focus', () => toFront(window));
    window.on('closed', () => {
      windows = windows.filter((other) => other !== window);
    });
    return window;
  };
  const all = () => windows.filter((window) => !window.isDestroyed());
  return { open, all, latest: () => all()[0] ?? null };
}
