import { open, type FileHandle } from 'node:fs/promises';
import type { AuditIndex } from './audit.index.js';

/** Reads of nearby lines are merged when the gap between them is at most this many bytes… */
const MERGE_GAP = 64 * 1024;
/** …into one read of at most this many. */
const MAX_READ = 4 * 1024 * 1024;

/** A line the index points at that is not where it says (the log changed under the index). */
export class StaleIndexError extends Error {}

/**
 * The log lines of `rows`, in the order given, read by offset: one read per run of nearby lines, not one per
 * entry, so a page or an export costs about what its own bytes cost.
 */
export async function readIndexedLines(
  index: AuditIndex,
  rows: readonly number[],
  pathOf: (file: number) => string,
): Promise<string[]> {
  const order = rows.map((_, at) => at);
  order.sort((a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    return index.file[ra]! - index.file[rb]! || index.offset[ra]! - index.offset[rb]!;
  });
  const lines = new Array<string>(rows.length);
  const handles = new Map<number, FileHandle>();
  try {
    let at = 0;
    while (at < order.length) {
      const first = rows[order[at]!]!;
      const file = index.file[first]!;
      const start = index.offset[first]!;
      let end = start + index.length[first]!;
      let last = at;
      while (last + 1 < order.length) {
        const next = rows[order[last + 1]!]!;
        const nextEnd = index.offset[next]! + index.length[next]!;
        if (index.file[next] !== file || index.offset[next]! - end > MERGE_GAP || nextEnd - start > MAX_READ)
          break;
        end = Math.max(end, nextEnd);
        last += 1;
      }
      let handle = handles.get(file);
      if (handle === undefined) {
        try {
          handle = await open(pathOf(file), 'r');
        } catch {
          throw new StaleIndexError(`log file ${file} cannot be opened`);
        }
        handles.set(file, handle);
      }
      // One byte more: the newline that ends the last line, checked like the others.
      const buffer = Buffer.alloc(end - start + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      if (bytesRead !== buffer.length) throw new StaleIndexError(`log file ${file} is shorter than indexed`);
      for (let item = at; item <= last; item += 1) {
        const row = rows[order[item]!]!;
        const from = index.offset[row]! - start;
        const to = from + index.length[row]!;
        // Every indexed line ends with a newline; one missing means the bytes are not the line indexed.
        if (buffer[to] !== 0x0a) throw new StaleIndexError('an indexed line moved');
        lines[order[item]!] = buffer.toString('utf8', from, to);
      }
      at = last + 1;
    }
  } finally {
    await Promise.all([...handles.values()].map((handle) => handle.close()));
  }
  return lines;
}
