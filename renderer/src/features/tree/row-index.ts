import type { TreeRowModel } from './tree-level.js';

/** Where a node's row is in the flattened tree: the one question the panel and the filter ask of the rows. */
export interface RowIndex {
  get(path: string): number | undefined;
}

/**
 * A row index that scans on demand and remembers what it found. A Map of every row would cost a 300,000-key
 * build (tens of ms, a long task) on every page that arrives, while only a handful of paths are ever asked
 * (the focus, the selection, a go-to target) and a scan to find one is a fraction of that.
 */
export function createRowIndex(rows: readonly TreeRowModel[]): RowIndex {
  const found = new Map<string, number | undefined>();
  return {
    get(path) {
      if (found.has(path)) return found.get(path);
      let index: number | undefined;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.kind === 'node' && row.path === path) {
          index = i;
          break;
        }
      }
      found.set(path, index);
      return index;
    },
  };
}
