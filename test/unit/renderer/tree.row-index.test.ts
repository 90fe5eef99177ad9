import { describe, expect, it } from 'vitest';
import type { ChildEntry } from '../../../shared/model/node.js';
import { flattenTree } from '../../../renderer/src/features/tree/flatten-tree.js';
import { createRowIndex } from '../../../renderer/src/features/tree/row-index.js';
import type { TreeLevel } from '../../../renderer/src/features/tree/tree-level.js';

function entry(path: string, childCount = 0): ChildEntry {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { name, path, hasValue: true, childCount, dataLength: 1, ephemeral: false };
}

function level(entries: ChildEntry[], more = false): TreeLevel {
  return { entries, total: null, hasMore: more, loading: false, error: null };
}

describe('row index of the flattened tree', () => {
  const levels = new Map<string, TreeLevel>([
    ['/', level([entry('/a', 2), entry('/b')])],
    ['/a', level([entry('/a/x'), entry('/a/y')], true)],
  ]);
  const rows = flattenTree('/', levels, new Set(['/', '/a']));

  it('finds every node row by its path, and no "more" line as a node', () => {
    const index = createRowIndex(rows);
    expect(rows.map((row) => (row.kind === 'node' ? row.path : row.kind))).toEqual([
      '/',
      '/a',
      '/a/x',
      '/a/y',
      'more',
      '/b',
    ]);
    for (const [i, row] of rows.entries()) if (row.kind === 'node') expect(index.get(row.path)).toBe(i);
  });

  it('answers undefined for a path with no row, and the same again when asked twice', () => {
    const index = createRowIndex(rows);
    expect(index.get('/a/z')).toBeUndefined();
    expect(index.get('/a/z')).toBeUndefined();
    expect(index.get('/b')).toBe(5);
    expect(index.get('/b')).toBe(5);
  });
});
