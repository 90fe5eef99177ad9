/** Origins and Host headers the loopback host accepts: only itself, by IP or by `localhost`. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** A browser always sends Origin on a WebSocket upgrade; a foreign one (another site, DNS rebinding) is refused. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // non-browser clients (tests, scripts) still need the token
  return allowedOrigins(port).has(origin);
}

/** The Host header must name this loopback server, so a rebinding DNS name cannot reach it. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
