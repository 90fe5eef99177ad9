import { nameOf, parentPath, pathDepth } from '../../../../shared/paths.js';
import type { ReadNode, SubtreeRead } from './zookeeper.stream.reads.js';

/** A difference between what a stream knew before a lost connection and what the subtree holds after. */
export type GapDifference =
  { type: 'created' | 'changed'; path: string; node: ReadNode } | { type: 'deleted'; path: string };

/** What the comparison needs to know of the stream's last-seen states. */
export interface GapBaseline {
  get(path: string): { czxid: bigint; mzxid: bigint } | undefined;
  paths(): string[];
  /** Nodes were left untracked for lack of room: a node not known is not necessarily new. */
  readonly overflowed: boolean;
}

/** Whether the read shows `path` gone: its parent's children were listed without it, or the parent is gone. */
function goneIn(read: SubtreeRead, root: string, path: string, memo: Map<string, boolean>): boolean {
  const cached = memo.get(path);
  if (cached !== undefined) return cached;
  let gone: boolean;
  if (read.nodes.has(path) || read.unreadable.has(path)) gone = false;
  else if (path === root) gone = true;
  else {
    const parent = parentPath(path)!;
    const names = read.children.get(parent);
    gone = names !== undefined ? !names.has(nameOf(path)) : goneIn(read, root, parent, memo);
  }
  memo.set(path, gone);
  return gone;
}

/**
 * What changed while the stream was cut off, from the last-seen states and a read of the subtree after
 * the reconnect: nodes gone (deepest first, as ZooKeeper deletes them), then nodes new or modified
 * (parents first), by path within a level. A node deleted and created again shows as both. A node that is not known counts as new
 * when nothing was ever left untracked, else only when it was created after `zxidBeforeGap`. A node the
 * bounded read did not reach is never taken for deleted.
 */
export function compareAfterGap(
  baseline: GapBaseline,
  read: SubtreeRead,
  root: string,
  zxidBeforeGap: bigint,
): GapDifference[] {
  const memo = new Map<string, boolean>();
  const deleted = baseline.paths().filter((path) => goneIn(read, root, path, memo));
  const found: GapDifference[] = [];
  for (const [path, node] of read.nodes) {
    const known = baseline.get(path);
    if (known === undefined) {
      if (!baseline.overflowed || node.stat.czxid > zxidBeforeGap)
        found.push({ type: 'created', path, node });
    } else if (known.czxid !== node.stat.czxid) {
      deleted.push(path);
      found.push({ type: 'created', path, node });
    } else if (known.mzxid !== node.stat.mzxid) {
      found.push({ type: 'changed', path, node });
    }
  }
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  deleted.sort((a, b) => pathDepth(b) - pathDepth(a) || byPath(a, b));
  found.sort((a, b) => pathDepth(a.path) - pathDepth(b.path) || byPath(a.path, b.path));
  const differences: GapDifference[] = deleted.map((path) => ({ type: 'deleted', path }));
  differences.push(...found);
  return differences;
}
