import { AppError } from '../../../shared/errors.js';
import { isSelfOrAncestor } from '../../../shared/paths.js';
import type { Source } from '../sources/source.js';
import { diffSources } from '../sync/diff.engine.js';
import type { JobContext } from '../sync/job.js';
import { planSync } from '../sync/sync.plan.js';
import type { SyncPlan } from '../sync/sync.types.js';
import { hashBytes } from '../sync/value.hash.js';
import { readRoot, type RootItem } from './copy.root.js';

/** A source key the copy carries, pinned as the plan read it (what a move verifies and deletes with). */
export interface PinnedKey {
  /** Relative to both roots (`/` for the root node's own value). */
  path: string;
  hash: string;
  token: string | null;
}

/**
 * A copy of a subtree: the sync plan of everything below the roots (a copy is a sync of the subtree to
 * another root that never deletes, and overwrites only when asked), plus the root node's own value,
 * which a sync leaves out.
 */
export interface CopyPlan {
  sync: SyncPlan;
  root: RootItem | null;
  overwrite: boolean;
  /** Every source key copied or met at the target, root included, ephemeral nodes left out. */
  sourceKeys: PinnedKey[];
  /** Source folders below the root (what a move removes once they are empty). */
  sourceFolders: string[];
  /** Keys the target holds with another value (overwritten with `overwrite`, else kept). */
  existing: string[];
  identical: number;
  ephemeral: string[];
}

/** Same connection, and one root inside the other: the copy would walk or delete its own output. */
function overlapping(source: Source, target: Source): boolean {
  if (source.store === null || target.store === null) return false;
  if (source.store.profile.id !== target.store.profile.id) return false;
  return isSelfOrAncestor(source.root, target.root) || isSelfOrAncestor(target.root, source.root);
}

/** The ephemeral nodes below the source root (a walk that keeps them, and only they are noted). */
async function ephemeralPaths(source: Source, job: JobContext): Promise<string[]> {
  if (source.kind !== 'zookeeper') return [];
  const found: string[] = [];
  await source.walk(
    { skipEphemeral: false, withMetadata: false, ignore: () => false },
    { key: (key) => (key.ephemeral ? found.push(key.path) : undefined), folder: () => undefined },
    job,
  );
  return found.sort();
}

/** Plans copying `source` (a node and its subtree) to `target`, of the same or another connection. */
export async function planCopy(
  source: Source,
  target: Source,
  overwrite: boolean,
  job: JobContext = {},
): Promise<CopyPlan> {
  if (overlapping(source, target)) {
    throw new AppError(
      'INVALID_INPUT',
      `${target.label} and ${source.label} overlap: copy a subtree to a path outside of it.`,
    );
  }
  const [diff, ephemeral, root] = await Promise.all([
    diffSources(source, target, { skipEphemeral: true }, job),
    ephemeralPaths(source, job),
    readRoot(source, target),
  ]);
  const sync = await planSync(diff, target, { onlyNew: !overwrite });
  const sourceKeys: PinnedKey[] = [];
  const existing: string[] = [];
  let identical = 0;
  if (root !== null) {
    sourceKeys.push({ path: '/', hash: hashBytes(root.value), token: root.sourceToken });
    if (root.targetExists && root.identical) identical += 1;
    // A folder at the target root has no value to keep: it is filled in, like a create.
    else if (root.targetExists && !root.targetIsFolder) existing.push('/');
  }
  for (const entry of diff.entries) {
    if (entry.left === null) continue;
    sourceKeys.push({ path: entry.path, hash: entry.left.hash, token: entry.left.token });
    if (entry.status === 'same' || (entry.status === 'changed' && !entry.valueChanged)) identical += 1;
    else if (entry.status === 'changed') existing.push(entry.path);
  }
  return {
    sync,
    root,
    overwrite,
    sourceKeys,
    sourceFolders: diff.leftFolders,
    existing,
    identical,
    ephemeral,
  };
}
