import { describe, expect, it } from 'vitest';
import type { ChildEntry } from '../../../shared/model/node.js';
import { flattenTree } from '../../../renderer/src/features/tree/flatten-tree.js';
import type { TreeLevel } from '../../../renderer/src/features/tree/tree-level.js';
import {
  filterFor,
  initialTreeState,
  treeReducer,
  visibleExpanded,
} from '../../../renderer/src/features/tree/tree-state.js';

function entry(path: string, childCount = 0): ChildEntry {
  return {
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    hasValue: true,
    childCount,
    dataLength: 1,
    ephemeral: false,
  };
}

function level(entries: ChildEntry[], more = false): TreeLevel {
  return { entries, total: null, hasMore: more, loading: false, error: null };
}

describe('tree state', () => {
  it('reveals a path: expands its ancestors, selects it, scrolls to it', () => {
    const state = treeReducer(initialTreeState(), { type: 'reveal', path: '/a/b/c' });
    expect([...state.expanded].sort()).toEqual(['/', '/a', '/a/b']);
    expect(state.selected).toBe('/a/b/c');
    expect(state.scrollTarget).toBe('/a/b/c');
  });

  it('keeps the filter on the node it was typed for, and expands that node', () => {
    const state = treeReducer(initialTreeState(), { type: 'setFilter', path: '/big', text: 'pay' });
    expect(filterFor(state, '/big')).toBe('pay');
    expect(filterFor(state, '/')).toBe('');
    expect(state.expanded.has('/big')).toBe(true);
    expect(treeReducer(state, { type: 'setFilter', path: '/big', text: '' }).filter).toBeNull();
  });

  it('lists only expanded levels whose ancestors are all expanded', () => {
    expect(visibleExpanded(new Set(['/', '/a', '/a/b', '/x/y']))).toEqual(['/', '/a', '/a/b']);
  });

  it('moves the filter focus to a node when it is expanded', () => {
    const state = treeReducer(initialTreeState(), { type: 'toggle', path: '/big' });
    expect(state.focus).toBe('/big');
  });
});

describe('flattened tree', () => {
  it('puts each expanded level under its node, depth first, with a "more" line after its children', () => {
    const levels = new Map<string, TreeLevel>([
      ['/', level([entry('/a', 2), entry('/b')])],
      ['/a', level([entry('/a/x'), entry('/a/y')], true)],
    ]);
    const rows = flattenTree('/', levels, new Set(['/', '/a']));
    expect(
      rows.map((r) => (r.kind === 'node' ? `${r.depth}:${r.path}` : `${r.depth}:${r.kind}:${r.parentPath}`)),
    ).toEqual(['0:/', '1:/a', '2:/a/x', '2:/a/y', '2:more:/a', '1:/b']);
  });

  it('shows loading, empty and error lines for expanded levels', () => {
    const levels = new Map<string, TreeLevel>([
      ['/', level([entry('/a', 1), entry('/b', 1), entry('/c', 1)])],
      ['/b', level([])],
      ['/c', { ...level([]), error: new Error('boom') }],
    ]);
    const rows = flattenTree('/', levels, new Set(['/', '/a', '/b', '/c']));
    const statuses = rows
      .filter((r) => r.kind === 'status')
      .map((r) => (r.kind === 'status' ? r.status : ''));
    expect(statuses).toEqual(['loading', 'empty', 'error']);
  });

  it('flattens 100,000 children quickly', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => entry(`/big/n${i}`));
    const levels = new Map<string, TreeLevel>([
      ['/', level([entry('/big', 100_000)])],
      ['/big', level(entries)],
    ]);
    const started = performance.now();
    const rows = flattenTree('/', levels, new Set(['/', '/big']));
    expect(rows).toHaveLength(100_002);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
