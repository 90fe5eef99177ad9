import { describe, expect, it } from 'vitest';
import type { ChildEntry } from '../../../shared/model/node.js';
import { flattenTree } from '../../../renderer/src/features/tree/flatten-tree.js';
import { pagedEntries } from '../../../renderer/src/features/tree/entry-list.js';
import type { TreeLevel, TreeRowModel } from '../../../renderer/src/features/tree/tree-level.js';
import { allRows } from '../../../renderer/src/features/tree/tree-rows.js';
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

/** A level whose children arrived in pages of `pageSize` (all in one page unless told). */
function level(entries: ChildEntry[], more = false, pageSize = entries.length || 1): TreeLevel {
  const pages: ChildEntry[][] = [];
  for (let i = 0; i < entries.length; i += pageSize) pages.push(entries.slice(i, i + pageSize));
  return { entries: pagedEntries(pages), total: null, hasMore: more, loading: false, error: null };
}

const describeRow = (r: TreeRowModel) =>
  r.kind === 'node' ? `${r.depth}:${r.path}${r.expanded ? '+' : ''}` : `${r.depth}:${r.kind}:${r.parentPath}`;

/** The tree's rows by their definition, recursively and row by row: what the segments must read as. */
function referenceRows(
  children: ReadonlyMap<string, { entries: ChildEntry[]; more: boolean }>,
  expanded: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  const visit = (path: string, depth: number) => {
    out.push(`${depth}:${path}${expanded.has(path) ? '+' : ''}`);
    if (!expanded.has(path)) return;
    const level = children.get(path)!;
    // A level with no children is one "empty" line (no "more" line: there is nothing loaded to follow).
    if (level.entries.length === 0) return void out.push(`${depth + 1}:status:${path}`);
    for (const child of level.entries) visit(child.path, depth + 1);
    if (level.more) out.push(`${depth + 1}:more:${path}`);
  };
  visit('/', 0);
  return out;
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
    expect(allRows(rows).map(describeRow)).toEqual([
      '0:/+',
      '1:/a+',
      '2:/a/x',
      '2:/a/y',
      '2:more:/a',
      '1:/b',
    ]);
    expect(rows.at(6)).toBeUndefined();
    expect(rows.at(-1)).toBeUndefined();
  });

  it('shows loading, empty and error lines for expanded levels', () => {
    const levels = new Map<string, TreeLevel>([
      ['/', level([entry('/a', 1), entry('/b', 1), entry('/c', 1)])],
      ['/b', level([])],
      ['/c', { ...level([]), error: new Error('boom') }],
    ]);
    const rows = allRows(flattenTree('/', levels, new Set(['/', '/a', '/b', '/c'])));
    const statuses = rows
      .filter((r) => r.kind === 'status')
      .map((r) => (r.kind === 'status' ? r.status : ''));
    expect(statuses).toEqual(['loading', 'empty', 'error']);
  });

  it('reads as the tree by definition, for levels in pages with expanded children anywhere', () => {
    // A seeded generator, so a failure repeats: trees of 3 levels, children in pages of 1 to 7, some
    // children expanded (at page edges too), some levels with a "more" line.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const children = new Map<string, { entries: ChildEntry[]; more: boolean }>();
      const expanded = new Set<string>(['/']);
      const grow = (path: string, depth: number) => {
        const count = Math.floor(random() * 12);
        const entries = Array.from({ length: count }, (_, i) =>
          entry(`${path === '/' ? '' : path}/n${i}`, depth < 2 ? 3 : 0),
        );
        children.set(path, { entries, more: random() < 0.3 });
        for (const child of entries)
          if (depth < 2 && random() < 0.25) {
            expanded.add(child.path);
            grow(child.path, depth + 1);
          }
      };
      grow('/', 0);
      const levels = new Map<string, TreeLevel>(
        [...children].map(([path, { entries, more }]) => [
          path,
          level(entries, more, 1 + Math.floor(random() * 7)),
        ]),
      );
      const rows = flattenTree('/', levels, expanded);
      const expected = referenceRows(children, expanded);
      expect(allRows(rows).map(describeRow), `round ${round}`).toEqual(expected);
      for (let i = 0; i < rows.length; i++) {
        const row = rows.at(i)!;
        if (row.kind === 'node') expect(rows.indexOf(row.path), `round ${round}, ${row.path}`).toBe(i);
      }
    }
  });

  it('holds a 300,000-child level as one run, each row made when asked and kept while the rows live', () => {
    const entries = Array.from({ length: 300_000 }, (_, i) => entry(`/big/n${i}`));
    const levels = new Map<string, TreeLevel>([
      ['/', level([entry('/big', 300_000)])],
      ['/big', level(entries, true, 500)],
    ]);
    const rows = flattenTree('/', levels, new Set(['/', '/big', '/big/n150000']));
    // The expanded child has no level yet: its "loading" line follows it.
    expect(rows).toHaveLength(300_000 + 2 + 1 + 1);
    expect(describeRow(rows.at(2)!)).toBe('2:/big/n0');
    expect(describeRow(rows.at(150_002)!)).toBe('2:/big/n150000+');
    expect(describeRow(rows.at(150_003)!)).toBe('3:status:/big/n150000');
    expect(describeRow(rows.at(150_004)!)).toBe('2:/big/n150001');
    expect(describeRow(rows.at(rows.length - 1)!)).toBe('2:more:/big');
    expect(rows.at(299_999)).toBe(rows.at(299_999));
    expect(rows.indexOf('/big/n299999')).toBe(300_002);
    expect(rows.indexOf('/big/n300000')).toBeUndefined();
    expect(rows.indexOf('/elsewhere')).toBeUndefined();
  });
});

describe('paged children', () => {
  it('reads children across pages by position and finds them by path', () => {
    const pages = [[entry('/a')], [], [entry('/b'), entry('/c')], [entry('/d')]];
    const list = pagedEntries(pages);
    expect(list.length).toBe(4);
    expect([0, 1, 2, 3].map((i) => list.at(i)?.path)).toEqual(['/a', '/b', '/c', '/d']);
    expect(list.at(4)).toBeUndefined();
    expect(list.at(1.5)).toBeUndefined();
    expect(list.indexOf('/c')).toBe(2);
    expect(list.indexOf('/e')).toBeUndefined();
    expect(pagedEntries([]).length).toBe(0);
    expect(pagedEntries([]).at(0)).toBeUndefined();
  });
});
