import type { Source } from '../sources/source.js';
import { collectSide } from './diff.collect.js';
import { compareFacts, summarize } from './diff.compare.js';
import { DEFAULT_DIFF_OPTIONS, type DiffEntry, type DiffOptions, type DiffResult } from './diff.types.js';
import { readDiffValues } from './diff.values.js';
import { compileIgnore } from './ignore.glob.js';
import { throttled, throwIfCancelled, type JobContext, type SideProgress } from './job.js';
import { comparePaths } from './path.order.js';

/**
 * Compares two sources key by key (paths relative to each root). Both are walked at once with bounded
 * windows; only paths, hashes and tokens are kept, plus (with `withValues`) the values of differing
 * keys. Progress goes to `job.onProgress`; `job.signal` cancels with CANCELLED.
 */
export async function diffSources(
  left: Source,
  right: Source,
  options: Partial<DiffOptions> = {},
  job: JobContext = {},
): Promise<DiffResult> {
  const started = performance.now();
  const settings: DiffOptions = { ...DEFAULT_DIFF_OPTIONS, ...options };
  const ignore = compileIgnore(settings.ignore);
  const leftProgress: SideProgress = { keys: 0, folders: 0 };
  const rightProgress: SideProgress = { keys: 0, folders: 0 };
  const report = throttled(job.onProgress);
  const snapshot = () => ({
    phase: 'walk' as const,
    done: leftProgress.keys + rightProgress.keys,
    total: null,
    left: { ...leftProgress },
    right: { ...rightProgress },
  });
  const onProgress = (): void => report.push(snapshot());
  const [leftSide, rightSide] = await Promise.all([
    collectSide(left, settings, ignore, leftProgress, onProgress, job.signal),
    collectSide(right, settings, ignore, rightProgress, onProgress, job.signal),
  ]);
  report.flush(snapshot());
  throwIfCancelled(job.signal);

  const entries: DiffEntry[] = [];
  for (const [path, facts] of leftSide.keys)
    entries.push(compareFacts(path, facts, rightSide.keys.get(path) ?? null));
  for (const [path, facts] of rightSide.keys)
    if (!leftSide.keys.has(path)) entries.push(compareFacts(path, null, facts));
  entries.sort((a, b) => comparePaths(a.path, b.path));
  const final = settings.withValues ? await readDiffValues(left, right, entries, settings, job) : entries;

  return {
    left: left.label,
    right: right.label,
    options: settings,
    summary: summarize(final),
    entries: final,
    leftFolders: leftSide.folders.sort(comparePaths),
    rightFolders: rightSide.folders.sort(comparePaths),
    durationMs: Math.round(performance.now() - started),
  };
}
