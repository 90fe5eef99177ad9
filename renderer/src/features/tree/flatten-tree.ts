import type { ChildEntry } from '../../../../shared/model/node.js';
import type { TreeLevel, TreeRowModel } from './tree-level.js';

type Frame =
  { type: 'node'; path: string; name: string; depth: number; entry: ChildEntry | null } | TreeRowModel;

function levelStatus(level: TreeLevel | undefined): 'loading' | 'error' | 'empty' | null {
  if (!level || (level.loading && level.entries.length === 0)) return 'loading';
  if (level.error && level.entries.length === 0) return 'error';
  if (level.entries.length === 0) return 'empty';
  return null;
}

/**
 * Flattens the expanded part of the tree into the rows of one virtual list, depth first. Iterative, so a
 * deep tree cannot overflow the stack, and linear in the rows produced (100k children stay cheap).
 */
export function flattenTree(
  root: string,
  levels: ReadonlyMap<string, TreeLevel>,
  expanded: ReadonlySet<string>,
): TreeRowModel[] {
  const rows: TreeRowModel[] = [];
  const stack: Frame[] = [{ type: 'node', path: root, name: root, depth: 0, entry: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('kind' in frame) {
      rows.push(frame);
      continue;
    }
    const isExpanded = expanded.has(frame.path);
    rows.push({
      kind: 'node',
      path: frame.path,
      name: frame.name,
      depth: frame.depth,
      entry: frame.entry,
      expanded: isExpanded,
    });
    if (!isExpanded) continue;
    const level = levels.get(frame.path);
    const depth = frame.depth + 1;
    const status = levelStatus(level);
    if (status || !level) {
      rows.push({
        kind: 'status',
        parentPath: frame.path,
        depth,
        status: status ?? 'loading',
        error: level?.error ?? null,
      });
      continue;
    }
    if (level.hasMore) {
      // Pushed first so it pops last, after every child subtree.
      stack.push({
        kind: 'more',
        parentPath: frame.path,
        depth,
        loaded: level.entries.length,
        total: level.total,
        loading: level.loading,
      });
    }
    for (let i = level.entries.length - 1; i >= 0; i--) {
      const entry = level.entries[i]!;
      stack.push({ type: 'node', path: entry.path, name: entry.name, depth, entry });
    }
  }
  return rows;
}
