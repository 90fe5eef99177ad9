import type { Source } from '../sources/source.js';
import { compareFacts } from './diff.compare.js';
import { portableMeta } from './diff.metadata.js';
import type { DiffEntry, DiffOptions, KeyFacts } from './diff.types.js';
import { throttled, type JobContext } from './job.js';
import { Limiter } from './limiter.js';
import { comparisonHash, hashBytes } from './value.hash.js';

const VALUE_WINDOW = 32;

/** Re-reads one side of a key; facts with the value, or null when the key went away meanwhile. */
async function reread(source: Source, path: string, options: DiffOptions): Promise<KeyFacts | null> {
  const key = await source.read(path);
  if (key === null) return null;
  const hash = hashBytes(key.value);
  return {
    hash,
    cmp: options.normalize === null ? hash : comparisonHash(key.value, hash, options.normalize),
    size: key.value.length,
    token: key.token,
    meta: options.compareMetadata ? portableMeta(key.meta) : null,
    value: key.value,
  };
}

/**
 * The entries with the values of the differing ones read in (both sides). A key that moved since the
 * walk gets its new facts and status, so values and statuses always agree; one gone from both is dropped.
 */
export async function readDiffValues(
  left: Source,
  right: Source,
  entries: DiffEntry[],
  options: DiffOptions,
  job: JobContext,
): Promise<DiffEntry[]> {
  const result: Array<DiffEntry | null> = [...entries];
  const differing = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.status !== 'same');
  const report = throttled(job.onProgress);
  const limiter = new Limiter(VALUE_WINDOW, job.signal);
  let done = 0;
  for (const { entry, index } of differing) {
    await limiter.run(async () => {
      const [l, r] = await Promise.all([
        entry.left === null ? null : reread(left, entry.path, options),
        entry.right === null ? null : reread(right, entry.path, options),
      ]);
      result[index] = l === null && r === null ? null : compareFacts(entry.path, l, r);
      done += 1;
      report.push({ phase: 'values', done, total: differing.length });
    });
  }
  await limiter.drain();
  report.flush({ phase: 'values', done, total: differing.length });
  return result.filter((entry): entry is DiffEntry => entry !== null);
}
