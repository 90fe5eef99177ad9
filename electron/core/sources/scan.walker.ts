import type { BackendSession } from '../backends/backend.js';
import { throwIfCancelled } from '../sync/job.js';
import { ignoreWithAncestors } from './ignore.tree.js';
import { isKeyNode } from './key.rule.js';
import { relativePath, type SourceKey, type WalkOptions, type WalkSink } from './source.js';
import type { SubtreeScanner } from '../backends/subtree.scan.js';

const PAGE_SIZE = 1000;

/**
 * Walks a subtree through a driver's bulk scan, with the same key rule as the node-by-node walk
 * (key.rule.ts). An empty value whose child count the store does not report (key/value stores) is
 * held back until the scan ends: it is a folder when some scanned node lies below it. Ignored paths
 * (and their subtrees) and ephemeral nodes are left out.
 */
export async function walkByScan(
  session: BackendSession & SubtreeScanner,
  root: string,
  options: WalkOptions,
  sink: WalkSink,
  signal?: AbortSignal,
): Promise<void> {
  const ignored = ignoreWithAncestors(options.ignore);
  const skip = (path: string): boolean => path !== root && ignored(relativePath(root, path));
  /** Empty values of unknown child count: decided when the scan is over. */
  const undecided: SourceKey[] = [];
  /** Every path some scanned node lies below. */
  const parents = new Set<string>();
  const noteParents = (path: string): void => {
    // Walk up until a known parent: its own parents were noted with it, so each is added once.
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const parent = path.slice(0, i);
      if (parents.has(parent)) return;
      parents.add(parent);
    }
  };
  const scan = session.scanSubtree(root, { pageSize: PAGE_SIZE, skip, ...(signal ? { signal } : {}) });
  for await (const page of scan) {
    throwIfCancelled(signal);
    for (const node of page) {
      // A store that cannot avoid reading an ignored subtree still returns it: drop it here.
      if (skip(node.path)) continue;
      if (node.ephemeral && options.skipEphemeral) continue;
      const path = relativePath(root, node.path);
      noteParents(path);
      const value = node.value ?? Buffer.alloc(0);
      if (!isKeyNode(node.value !== null, value.length, node.childCount ?? 0)) {
        sink.folder(path);
        continue;
      }
      const key: SourceKey = { path, value, token: node.token, ephemeral: node.ephemeral, meta: null };
      if (value.length === 0 && node.childCount === null) undecided.push(key);
      else sink.key(key);
    }
  }
  for (const key of undecided) {
    if (parents.has(key.path)) sink.folder(key.path);
    else sink.key(key);
  }
}
