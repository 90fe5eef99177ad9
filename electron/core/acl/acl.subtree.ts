import { AppError } from '../../../shared/errors.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { AclApi } from '../backends/backend.js';
import type { SourceStore } from '../sources/source.js';
import { throwIfCancelled } from '../sync/job.js';

/** A recursive apply walks at most this many nodes (a plan says so before anything is written). */
const MAX_RECURSIVE_NODES = 100_000;

/** The store's ACL API, or UNSUPPORTED for a store without ACLs this console edits. */
export function aclApiOf(store: SourceStore): AclApi {
  if (store.session.acls === undefined) {
    throw new AppError('UNSUPPORTED', `"${store.profile.name}" has no ACLs this console can edit.`);
  }
  return store.session.acls;
}

/** An ACL compared as a set of entries with their permissions as a set of letters. */
export function aclKey(entries: readonly AclEntry[]): string {
  return entries
    .map((entry) => `${entry.scheme}:${entry.id}:${[...entry.permissions].sort().join('')}`)
    .sort()
    .join(',');
}

/**
 * The subtree's paths, its root first; refused past MAX_RECURSIVE_NODES; stops when `signal` fires. The
 * paths are pushed into `into` as they are listed, so a caller stopped midway still knows how far it got.
 */
export async function subtreePaths(
  store: SourceStore,
  path: string,
  signal?: AbortSignal,
  into: string[] = [],
): Promise<string[]> {
  const { session } = store;
  // A missing root is NOT_FOUND here, not an empty subtree.
  await aclApiOf(store).get(path);
  const paths = into;
  paths.push(path);
  if (session.scanSubtree === undefined) return paths;
  const options = { pageSize: 500, skip: () => false, ...(signal ? { signal } : {}) };
  for await (const page of session.scanSubtree(path, options)) {
    throwIfCancelled(signal);
    for (const node of page) paths.push(node.path);
    if (paths.length > MAX_RECURSIVE_NODES)
      throw new AppError(
        'TOO_LARGE',
        `${path} has more than ${MAX_RECURSIVE_NODES} nodes; apply the ACL to a smaller subtree.`,
      );
  }
  return paths;
}
