import type { BackendSession } from '../backends/backend.js';
import { throwIfCancelled } from '../sync/job.js';
import { ignoreWithAncestors } from './ignore.tree.js';
import { relativePath, type WalkOptions, type WalkSink } from './source.js';
import type { SubtreeScanner } from './subtree.scan.js';

const PAGE_SIZE = 1000;

/**
 * Walks a subtree through a driver's bulk scan, applying the same rules as the generic walk: a node is
 * a key when it has a value and, on stores with a value slot on every node, a non-empty value or no
 * children; otherwise it is a folder. Ignored paths (and their subtrees) and ephemeral nodes are left out.
 */
export async function walkByScan(
  session: BackendSession & SubtreeScanner,
  root: string,
  options: WalkOptions,
  sink: WalkSink,
  signal?: AbortSignal,
): Promise<void> {
  const valueOnFolders = session.capabilities.valueOnFolders;
  const ignored = ignoreWithAncestors(options.ignore);
  const skip = (path: string): boolean => path !== root && ignored(relativePath(root, path));
  const scan = session.scanSubtree(root, { pageSize: PAGE_SIZE, skip, ...(signal ? { signal } : {}) });
  for await (const page of scan) {
    throwIfCancelled(signal);
    for (const node of page) {
      // A store that cannot avoid reading an ignored subtree still returns it: drop it here.
      if (skip(node.path)) continue;
      if (node.ephemeral && options.skipEphemeral) continue;
      const path = relativePath(root, node.path);
      const empty = node.value === null || (valueOnFolders && node.value.length === 0);
      if (node.value === null || (empty && node.childCount !== 0)) {
        sink.folder(path);
        continue;
      }
      sink.key({ path, value: node.value, token: node.token, ephemeral: node.ephemeral, meta: null });
    }
  }
}
