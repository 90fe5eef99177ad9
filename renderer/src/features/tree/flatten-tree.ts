import type { ChildEntry } from '../../../../shared/model/node.js';
import { parentPath } from '../../../../shared/paths.js';
import type { TreeLevel, TreeRowModel } from './tree-level.js';
import { segmentedRows, type RowSegment, type TreeRows } from './tree-rows.js';

/** An expanded level being walked: where its next run of children starts, and its expanded children. */
interface Frame {
  parentPath: string;
  level: TreeLevel;
  depth: number;
  /** Positions of the level's expanded children that are loaded, ascending. */
  expandedAt: number[];
  nextExpanded: number;
  /** The first child not yet emitted. */
  next: number;
}

function levelStatus(level: TreeLevel | undefined): 'loading' | 'error' | 'empty' | null {
  if (!level || (level.loading && level.entries.length === 0)) return 'loading';
  if (level.error && level.entries.length === 0) return 'error';
  if (level.entries.length === 0) return 'empty';
  return null;
}

/** The expanded paths by their parent: which children of a level open into levels of their own. */
function expandedByParent(expanded: ReadonlySet<string>): Map<string, string[]> {
  const byParent = new Map<string, string[]>();
  for (const path of expanded) {
    const parent = parentPath(path);
    if (parent === null) continue;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(path);
    else byParent.set(parent, [path]);
  }
  return byParent;
}

/**
 * Flattens the expanded part of the tree into the rows of one virtual list, depth first: each expanded
 * node's row, then its children, then its level's "more" line when the server has more. The result is made
 * of segments: the children between two expanded ones are one run, read from the level when drawn. So a page
 * arriving on a 300,000-child level costs a few segments, not 300,000 row objects (which, rebuilt on every
 * page, made long tasks while scrolling). Iterative, so a deep tree cannot overflow the stack.
 */
export function flattenTree(
  root: string,
  levels: ReadonlyMap<string, TreeLevel>,
  expanded: ReadonlySet<string>,
): TreeRows {
  const segments: RowSegment[] = [];
  let start = 0;
  const pushRow = (row: TreeRowModel) => {
    segments.push({ start, row });
    start += 1;
  };
  const byParent = expandedByParent(expanded);
  const frames: Frame[] = [];
  const visit = (path: string, name: string, depth: number, entry: ChildEntry | null): void => {
    const isExpanded = expanded.has(path);
    pushRow({ kind: 'node', path, name, depth, entry, expanded: isExpanded });
    if (!isExpanded) return;
    const level = levels.get(path);
    const status = levelStatus(level);
    if (status || !level) {
      pushRow({
        kind: 'status',
        parentPath: path,
        depth: depth + 1,
        status: status ?? 'loading',
        error: level?.error ?? null,
      });
      return;
    }
    const expandedAt = (byParent.get(path) ?? [])
      .map((child) => level.entries.indexOf(child))
      .filter((position): position is number => position !== undefined)
      .sort((a, b) => a - b);
    frames.push({ parentPath: path, level, depth: depth + 1, expandedAt, nextExpanded: 0, next: 0 });
  };
  visit(root, root, 0, null);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const entries = frame.level.entries;
    const until = frame.expandedAt[frame.nextExpanded] ?? entries.length;
    if (until > frame.next) {
      const count = until - frame.next;
      segments.push({
        start,
        run: { parentPath: frame.parentPath, depth: frame.depth, entries, from: frame.next, count },
      });
      start += count;
      frame.next = until;
    }
    if (frame.nextExpanded < frame.expandedAt.length) {
      const entry = entries.at(frame.expandedAt[frame.nextExpanded++]!)!;
      frame.next += 1;
      visit(entry.path, entry.name, frame.depth, entry);
      continue;
    }
    frames.pop();
    // After every child subtree: the level's "more" line.
    if (frame.level.hasMore) {
      pushRow({
        kind: 'more',
        parentPath: frame.parentPath,
        depth: frame.depth,
        loaded: entries.length,
        total: frame.level.total,
        loading: frame.level.loading,
      });
    }
  }
  return segmentedRows(segments);
}
