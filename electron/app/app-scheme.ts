import type { Protocol } from 'electron';

/**
 * The renderer is served from a privileged custom scheme rather than file:// because Chromium gives file://
 * pages an opaque origin: module workers (Monaco's editor workers) refuse to start there, and 'self' in the
 * CSP would cover the whole disk. `app://configdeck/` is a real, secure, same-origin home for the UI.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'configdeck';
export const APP_ENTRY_PATH = '/index.html';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}${APP_ENTRY_PATH}`;

/** Declares the app scheme as standard and secure; Electron requires this before the `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` belongs to the app's own origin. (`URL.origin` is "null" for custom schemes in Node, so the
 * scheme and host are compared instead.)
 */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Whether `url` is the app's entry document (any query or #fragment, which the UI may use for routing). */
export function isAppEntryUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null && isAppOriginUrl(url) && (parsed.pathname === APP_ENTRY_PATH || parsed.pathname === '/')
  );
}
