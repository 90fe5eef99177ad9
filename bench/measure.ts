/** What one benchmark case reports on stdout (one JSON line) to the runner. */
export interface CaseResult {
  firstPageMs: number;
  listAllMs: number;
  children: number;
  peakRssMb: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * How many times the first page is timed; the median is reported. One ~30 ms call is at the mercy of a
 * scheduler tick or a GC; five give a figure that repeats from run to run. Each round is as cold as the
 * store allows: the contract opens a fresh session for each, the floor reissues the same request.
 */
export const FIRST_PAGE_ROUNDS = 5;

/** The median of `rounds` timings (ms), each measured by `once`. */
export async function medianMs(rounds: number, once: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const PAGE_SIZE = 500;
