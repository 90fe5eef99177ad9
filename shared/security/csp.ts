/**
 * The renderer's Content-Security-Policy, one policy for both transports: only the app's own files run; no
 * eval, no remote hosts. Inline styles are allowed because Monaco sets style attributes; blob: workers are
 * Monaco's fallback. `extraConnectSrc` adds the browser-mode host's own WebSocket origins.
 */
export function contentSecurityPolicy(extraConnectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
