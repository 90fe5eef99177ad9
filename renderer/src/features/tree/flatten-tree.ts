import type { ChildEntry } from '../../../../shared/model/node.js';
import type { TreeLevel, TreeRowModel } from './tree-level.js';

/** An expanded level being walked: the next of its entries to emit. */
interface Cursor {
  parentPath: string;
  level: TreeLevel;
  depth: number;
  next: number;
}

function levelStatus(level: TreeLevel | undefined): 'loading' | 'error' | 'empty' | null {
  if (!level || (level.loading && level.entries.length === 0)) return 'loading';
  if (level.error && level.entries.length === 0) return 'error';
  if (level.entries.length === 0) return 'empty';
  return null;
}

/**
 * Flattens the expanded part of the tree into the rows of one virtual list, depth first. Iterative, so a
 * deep tree cannot overflow the stack, and linear in the rows produced: it walks each level with a cursor
 * instead of pushing every child onto a stack first, since it runs again on every page that arrives and a
 * 300,000-child level must not cost twice its rows in allocations each time.
 */
export function flattenTree(
  root: string,
  levels: ReadonlyMap<string, TreeLevel>,
  expanded: ReadonlySet<string>,
): TreeRowModel[] {
  const rows: TreeRowModel[] = [];
  const cursors: Cursor[] = [];
  const visit = (path: string, name: string, depth: number, entry: ChildEntry | null): void => {
    const isExpanded = expanded.has(path);
    rows.push({ kind: 'node', path, name, depth, entry, expanded: isExpanded });
    if (!isExpanded) return;
    const level = levels.get(path);
    const status = levelStatus(level);
    if (status || !level) {
      rows.push({
        kind: 'status',
        parentPath: path,
        depth: depth + 1,
        status: status ?? 'loading',
        error: level?.error ?? null,
      });
      return;
    }
    cursors.push({ parentPath: path, level, depth: depth + 1, next: 0 });
  };
  visit(root, root, 0, null);
  while (cursors.length > 0) {
    const cursor = cursors[cursors.length - 1]!;
    const entries = cursor.level.entries;
    if (cursor.next < entries.length) {
      const entry = entries[cursor.next++]!;
      visit(entry.path, entry.name, cursor.depth, entry);
      continue;
    }
    cursors.pop();
    // After every child subtree: the level's "more" line.
    if (cursor.level.hasMore) {
      rows.push({
        kind: 'more',
        parentPath: cursor.parentPath,
        depth: cursor.depth,
        loaded: entries.length,
        total: cursor.level.total,
        loading: cursor.level.loading,
      });
    }
  }
  return rows;
}
