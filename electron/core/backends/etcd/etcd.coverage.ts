import { END_OF_KEYSPACE } from './etcd.paths.js';

/** One stretch of keys read without a gap: every key in [start, end) is in hand; end null: to the end. */
interface Run {
  start: Buffer;
  end: Buffer | null;
}

/**
 * The stretches of keys a level scan has read completely, so a count over a range inside one can be
 * taken from the keys read instead of asking etcd again. A scan only moves forward: each batch either
 * continues the last run (it starts where that one ended) or, after a skipped folder, starts a new one.
 * Checks are one buffer comparison each, since a listing checks every child of every page.
 */
export class ReadCoverage {
  private readonly runs: Run[] = [];

  /** Records that every key in [start, end) was read; returns the run holding it. */
  add(start: Buffer, end: Buffer): number {
    const open = end.equals(END_OF_KEYSPACE) ? null : end;
    const last = this.runs.at(-1);
    if (last && last.end !== null && Buffer.compare(start, last.end) <= 0) {
      if (open === null || Buffer.compare(open, last.end) > 0) last.end = open;
      return this.runs.length - 1;
    }
    this.runs.push({ start, end: open });
    return this.runs.length - 1;
  }

  /** Whether run `index` read every key before `end` from its start on. */
  readUpTo(index: number, end: Buffer): boolean {
    const runEnd = this.runs[index]!.end;
    return runEnd === null || Buffer.compare(end, runEnd) <= 0;
  }

  /** Whether run `index` started at or before `key` (so, holding a later key, it read `key`'s spot). */
  readFrom(index: number, key: Buffer): boolean {
    return Buffer.compare(this.runs[index]!.start, key) <= 0;
  }
}
