/** Reconnect delay for the n-th consecutive failed attempt (0-based): 0.5 s doubling up to 10 s. */
export function reconnectDelayMs(attempt: number): number {
  const base = 500 * 2 ** Math.max(0, attempt);
  return Math.min(base, 10_000);
}
