import { parentPath } from '../../../../shared/paths.js';
import type { Snapshot, SnapshotKey } from './snapshot.format.js';

/** One node of a snapshot seen as a tree: a key, a folder implied by deeper keys, or both. */
export interface SnapshotNode {
  path: string;
  key: SnapshotKey | null;
  /** Child names, sorted (filled as keys are added in path order). */
  children: string[];
}

/** A snapshot indexed by path, so it can be browsed level by level like a store. */
export class SnapshotTree {
  private readonly nodes = new Map<string, SnapshotNode>();

  constructor(readonly snapshot: Snapshot) {
    this.nodes.set('/', { path: '/', key: null, children: [] });
    // Keys arrive in tree order, so each child name is appended in sorted order.
    for (const key of snapshot.keys) this.add(key.path).key = key;
  }

  /** The node at an absolute path, or undefined. */
  node(path: string): SnapshotNode | undefined {
    return this.nodes.get(path);
  }

  /** Paths of the nodes below the root that are folders only (no key of their own). */
  folders(): string[] {
    const result: string[] = [];
    for (const node of this.nodes.values())
      if (node.key === null && node.path !== '/') result.push(node.path);
    return result;
  }

  /** Number of keys at and below `path`. */
  countKeys(path: string): number {
    const node = this.nodes.get(path);
    if (node === undefined) return 0;
    let count = node.key === null ? 0 : 1;
    for (const name of node.children) count += this.countKeys(path === '/' ? `/${name}` : `${path}/${name}`);
    return count;
  }

  private add(path: string): SnapshotNode {
    const existing = this.nodes.get(path);
    if (existing !== undefined) return existing;
    const parent = this.add(parentPath(path) ?? '/');
    parent.children.push(path.slice(path.lastIndexOf('/') + 1));
    const node: SnapshotNode = { path, key: null, children: [] };
    this.nodes.set(path, node);
    return node;
  }
}
