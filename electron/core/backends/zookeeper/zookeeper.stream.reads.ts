import { isAppError } from '../../../../shared/errors.js';
import { childPath } from '../../../../shared/paths.js';
import type { ZkStat, ZkWatcher } from './client/index.js';
import { callZk } from './zookeeper.call.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { mapPipelined } from './zookeeper.pipeline.js';

/** A node as a stream reads it. */
export interface ReadNode {
  data: Buffer;
  stat: ZkStat;
}

/** A node's child names and its stat. */
export interface ReadChildren {
  names: string[];
  stat: ZkStat;
}

/** The reads a stream makes; null when there is no node. A one-shot stream's reads also arm watches. */
export interface StreamReader {
  read(path: string): Promise<ReadNode | null>;
  list(path: string): Promise<ReadChildren | null>;
}

/** What a bounded read of a subtree found. */
export interface SubtreeRead {
  /** Nodes read, parents before their children. */
  nodes: Map<string, ReadNode>;
  /** Child names of every node whose children were listed (only those can tell a child is gone). */
  children: Map<string, Set<string>>;
  /** Nodes below the roots whose ACL does not let this session read them: there, but not tracked. */
  unreadable: Set<string>;
  /** The node limit stopped the read before every node was read. */
  truncated: boolean;
}

function absentAsNull<T>(error: unknown): T | null {
  if (isAppError(error) && error.code === 'NOT_FOUND') return null;
  throw error;
}

const UNREADABLE = Symbol('unreadable');

/** A node below the roots that its ACL keeps from this session is skipped, not a failure of the whole read. */
function skipUnreadable(error: unknown): typeof UNREADABLE {
  if (isAppError(error) && error.code === 'PERMISSION_DENIED') return UNREADABLE;
  throw error;
}

/** Reads with an optional one-shot watch on each: `data` on getData, `child` on getChildren. */
export function streamReader(
  ops: ZooKeeperOps,
  watches: { data: ZkWatcher; child: ZkWatcher; armed(path: string): void } | null,
): StreamReader {
  const client = ops.client;
  return {
    read: (path) =>
      callZk(ops.ctx, 'read', 'read', path, () =>
        client.getData(path, watches === null ? {} : { watch: watches.data }),
      ).then(
        (read) => {
          watches?.armed(path);
          return read;
        },
        absentAsNull<ReadNode>,
      ),
    list: (path) =>
      callZk(ops.ctx, 'read', 'list the children of', path, () =>
        client.getChildren(path, watches === null ? {} : { watch: watches.child }),
      ).then(
        ({ children, stat }) => {
          watches?.armed(path);
          return { names: children, stat };
        },
        absentAsNull<ReadChildren>,
      ),
  };
}

export interface SubtreeReadOptions {
  /** The node's descendants too, or the node alone (its child names are still listed). */
  recursive: boolean;
  /** Nodes read at most. */
  maxNodes: number;
  /** List every node's children, also those the stat says have none (to arm a child watch on each). */
  listEveryNode: boolean;
}

/**
 * Reads each root and (recursive) the nodes below it level by level, pipelined, at most `maxNodes` in all.
 * A node deleted while reading is left out, so is a node below the roots this session may not read (noted
 * as unreadable); any other failure rejects.
 */
export async function readSubtree(
  reader: StreamReader,
  roots: readonly string[],
  options: SubtreeReadOptions,
): Promise<SubtreeRead> {
  const result: SubtreeRead = {
    nodes: new Map(),
    children: new Map(),
    unreadable: new Set(),
    truncated: false,
  };
  const isRoot = new Set(roots);
  let level = [...roots];
  while (level.length > 0) {
    const room = options.maxNodes - result.nodes.size;
    if (level.length > room) result.truncated = true;
    const batch = level.slice(0, Math.max(0, room));
    const read = await mapPipelined(batch, (path) =>
      isRoot.has(path) ? reader.read(path) : reader.read(path).catch(skipUnreadable),
    );
    const parents: string[] = [];
    batch.forEach((path, index) => {
      const node = read[index];
      if (node === UNREADABLE) result.unreadable.add(path);
      if (node === null || node === undefined || node === UNREADABLE) return;
      result.nodes.set(path, node);
      if (node.stat.numChildren > 0 || options.listEveryNode) parents.push(path);
      else result.children.set(path, new Set());
    });
    const listed = await mapPipelined(parents, (path) => reader.list(path).catch(skipUnreadable));
    const next: string[] = [];
    parents.forEach((parent, index) => {
      const answer = listed[index];
      if (answer === UNREADABLE) result.unreadable.add(parent);
      const names = answer === UNREADABLE ? undefined : answer?.names;
      if (names === undefined) return;
      result.children.set(parent, new Set(names));
      next.push(...names.map((name) => childPath(parent, name)));
    });
    if (!options.recursive) break;
    level = next;
  }
  return result;
}
