import type { StreamValue } from '../../../../shared/model/event-stream.js';
import { nameOf, parentPath } from '../../../../shared/paths.js';

/** How a stream learnt the state it holds of a node. */
export type SeenBy =
  /** The read when the stream opened: a change notified right after may already show in it. */
  | 'seed'
  /** The comparison after a lost connection: that change was reported already. */
  | 'gap'
  /** The read after an event. */
  | 'event';

/** The last state of a node a stream saw. */
export interface KnownNode {
  /** The value as events carry it; undefined when the cache had no room left for it. */
  value: StreamValue | undefined;
  version: number;
  czxid: bigint;
  mzxid: bigint;
  seenBy: SeenBy;
}

export interface NodeCacheLimits {
  /** Nodes tracked at most; nodes beyond are not tracked (a change to them has no known `before`). */
  maxNodes: number;
  /** Bytes of values kept at most (base64 text); beyond, nodes are tracked without their value. */
  maxValueBytes: number;
}

/** 10,000 nodes, 64 MiB of values: a subtree's last-seen values, bounded whatever the subtree holds. */
export const DEFAULT_CACHE_LIMITS: NodeCacheLimits = { maxNodes: 10_000, maxValueBytes: 64 * 1024 * 1024 };

function weight(value: StreamValue | undefined): number {
  return value === undefined ? 0 : (value.base64?.length ?? 0) + value.sha256.length;
}

/**
 * The last-seen state of the nodes of one stream, the `before` of the next event and the base of the
 * comparison after a lost connection; bounded in nodes and in value bytes. Keeps an index of child names
 * so a one-shot stream can tell new children from known ones without scanning every entry.
 */
export class NodeCache {
  private readonly nodes = new Map<string, KnownNode>();
  private readonly children = new Map<string, Set<string>>();
  private valueBytes = 0;
  private refusedValue = false;
  private refusedNode = false;

  constructor(readonly limits: NodeCacheLimits = DEFAULT_CACHE_LIMITS) {}

  get size(): number {
    return this.nodes.size;
  }

  /** Bytes of values held now. */
  get bytes(): number {
    return this.valueBytes;
  }

  /** Whether a node was ever left out for lack of room (then a node not known is not necessarily new). */
  get overflowed(): boolean {
    return this.refusedNode;
  }

  /** Says that nodes exist which are not tracked (a bounded read did not reach them all). */
  markOverflowed(): void {
    this.refusedNode = true;
  }

  /** Whether a value was ever left out for lack of room. */
  get valuesOverflowed(): boolean {
    return this.refusedValue;
  }

  get(path: string): KnownNode | undefined {
    return this.nodes.get(path);
  }

  has(path: string): boolean {
    return this.nodes.has(path);
  }

  /** Whether a node not tracked yet would find room. */
  hasRoom(): boolean {
    return this.nodes.size < this.limits.maxNodes;
  }

  /** Names of the tracked children of a node. */
  childrenOf(path: string): ReadonlySet<string> {
    return this.children.get(path) ?? new Set();
  }

  paths(): string[] {
    return [...this.nodes.keys()];
  }

  /**
   * Records a node's state; false (nothing kept) when it is not tracked and the node limit is reached.
   * Its value is left out (`value` undefined) when it would pass the byte limit.
   */
  set(path: string, node: KnownNode): boolean {
    const old = this.nodes.get(path);
    if (old === undefined && !this.hasRoom()) {
      this.refusedNode = true;
      return false;
    }
    const freed = this.valueBytes - weight(old?.value);
    let value = node.value;
    if (freed + weight(value) > this.limits.maxValueBytes) {
      this.refusedValue = true;
      value = undefined;
    }
    this.valueBytes = freed + weight(value);
    this.nodes.set(path, { ...node, value });
    if (old === undefined) this.indexChild(path);
    return true;
  }

  /** Forgets a node; returns what was known of it. */
  delete(path: string): KnownNode | undefined {
    const old = this.nodes.get(path);
    if (old === undefined) return undefined;
    this.nodes.delete(path);
    this.valueBytes -= weight(old.value);
    const parent = parentPath(path);
    if (parent !== null) {
      const names = this.children.get(parent);
      names?.delete(nameOf(path));
      if (names?.size === 0) this.children.delete(parent);
    }
    return old;
  }

  private indexChild(path: string): void {
    const parent = parentPath(path);
    if (parent === null) return;
    const names = this.children.get(parent) ?? new Set<string>();
    names.add(nameOf(path));
    this.children.set(parent, names);
  }
}
