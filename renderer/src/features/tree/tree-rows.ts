import type { ChildEntry } from '../../../../shared/model/node.js';
import { parentPath } from '../../../../shared/paths.js';
import type { EntryList } from './entry-list.js';
import type { TreeRowModel } from './tree-level.js';

/** The flattened tree, read row by row: what the virtual list draws, the keyboard steps and the filter asks. */
export interface TreeRows {
  readonly length: number;
  at(index: number): TreeRowModel | undefined;
  /** Where the row of the node at `path` is, or undefined when it has none. */
  indexOf(path: string): number | undefined;
}

/** A stretch of the rows: one row, or consecutive unexpanded children of a level (drawn when asked). */
export type RowSegment =
  | { start: number; row: TreeRowModel }
  | {
      start: number;
      run: { parentPath: string; depth: number; entries: EntryList; from: number; count: number };
    };

/** How many rows made on demand one version of the rows keeps: a screenful many times over. */
const MADE_ROWS_KEPT = 4_096;

function nodeRow(entry: ChildEntry, depth: number): TreeRowModel {
  return { kind: 'node', path: entry.path, name: entry.name, depth, entry, expanded: false };
}

function segmentLength(segment: RowSegment): number {
  return 'row' in segment ? 1 : segment.run.count;
}

/**
 * The rows over their segments. Building them costs the segments (a few per expanded level), not the rows:
 * a 300,000-child level is one run, and its rows are made only when the list draws them (the same object
 * again while this version lives, so an unchanged row is not drawn again).
 */
export function segmentedRows(segments: readonly RowSegment[]): TreeRows {
  const last = segments.at(-1);
  const length = last ? last.start + segmentLength(last) : 0;
  const made = new Map<number, TreeRowModel>();
  const found = new Map<string, number | undefined>();
  const segmentAt = (index: number): RowSegment => {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.start <= index) low = middle;
      else high = middle - 1;
    }
    return segments[low]!;
  };
  const search = (path: string): number | undefined => {
    const parent = parentPath(path);
    for (const segment of segments) {
      if ('row' in segment) {
        if (segment.row.kind === 'node' && segment.row.path === path) return segment.start;
        continue;
      }
      const { run } = segment;
      if (run.parentPath !== parent) continue;
      const position = run.entries.indexOf(path);
      if (position !== undefined && position >= run.from && position < run.from + run.count)
        return segment.start + position - run.from;
    }
    return undefined;
  };
  return {
    length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
      const segment = segmentAt(index);
      if ('row' in segment) return segment.row;
      const kept = made.get(index);
      if (kept) return kept;
      const { run } = segment;
      const entry = run.entries.at(run.from + index - segment.start);
      if (!entry) return undefined;
      if (made.size >= MADE_ROWS_KEPT) made.clear();
      const row = nodeRow(entry, run.depth);
      made.set(index, row);
      return row;
    },
    indexOf(path) {
      if (!found.has(path)) found.set(path, search(path));
      return found.get(path);
    },
  };
}

/** Every row, in order (for tests and small lists: the tree itself never materializes them). */
export function allRows(rows: TreeRows): TreeRowModel[] {
  return Array.from({ length: rows.length }, (_, index) => rows.at(index)!);
}
