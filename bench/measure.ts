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

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const PAGE_SIZE = 500;
