import type { Session } from 'electron';
import { isAppOriginUrl } from './app-scheme.js';

/**
 * The one web permission the UI uses: writing text to the clipboard ("copy path"). Electron routes
 * navigator.clipboard.writeText through the permission handlers, so denying it would break that button.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether a page at `requestingUrl` may use `permission`: only the app's own pages, only the allow-list. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return requestingUrl !== undefined && isAppOriginUrl(requestingUrl) && ALLOWED_PERMISSIONS.has(permission);
}

/** Denies camera, microphone, geolocation, notifications and every other permission request or check. */
export function installPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin),
  );
}
