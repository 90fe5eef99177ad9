import type { Session } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp.js';

/** The renderer's policy (shared with browser mode): only the app's own files run. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

type ResponseHeaders = Record<string, string[] | string>;

/** Returns `headers` with any Content-Security-Policy (in any letter case) replaced by the app's own. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Adds the CSP header to every response the session receives. The app:// handler also sets it itself,
 * so the policy holds even where webRequest does not see custom-protocol responses.
 */
export function installContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
