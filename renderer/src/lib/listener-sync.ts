import type { Listener } from '../../../shared/model/history.js';

/**
 * Whether a listening client holds the current version: its md5 equals the current md5. Without a
 * current md5 (the value is gone or unknown) the server's own verdict is used.
 */
export function listenerInSync(listener: Listener, currentMd5: string | null): boolean {
  if (currentMd5 === null) return listener.inSync;
  return listener.md5.toLowerCase() === currentMd5.toLowerCase();
}

/** How many listeners hold the current version and how many are stale. */
export function listenerSummary(listeners: readonly Listener[], currentMd5: string | null) {
  const inSync = listeners.filter((l) => listenerInSync(l, currentMd5)).length;
  return { total: listeners.length, inSync, stale: listeners.length - inSync };
}

/** Stale clients first (they are the answer to "who did not get it"), then by client address. */
export function sortListeners(listeners: readonly Listener[], currentMd5: string | null): Listener[] {
  return [...listeners].sort(
    (a, b) =>
      Number(listenerInSync(a, currentMd5)) - Number(listenerInSync(b, currentMd5)) ||
      a.client.localeCompare(b.client),
  );
}
