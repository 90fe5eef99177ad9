import { randomUUID } from 'node:crypto';
import { isAppError } from '../../../shared/errors.js';
import { absolutePath, type Source } from '../sources/source.js';
import type { DiffEntry, DiffResult } from './diff.types.js';
import { comparePaths } from './path.order.js';
import { ancestorsOf } from '../../../shared/paths.js';
import { DEFAULT_SYNC_OPTIONS, type SyncItem, type SyncOptions, type SyncPlan } from './sync.types.js';

/** The action a diff entry calls for, or null when nothing is to be written. */
function actionOf(entry: DiffEntry, options: SyncOptions): SyncItem['action'] | null {
  if (entry.status === 'only-left') return 'create';
  if (options.onlyNew) return null;
  // Metadata-only differences are reported by the diff but cannot be written through a value sync.
  if (entry.status === 'changed' && entry.valueChanged) return 'update';
  if (entry.status === 'only-right' && options.delete) return 'delete';
  return null;
}

/**
 * A node that is a folder in the target (a ZooKeeper znode with children and empty data) already exists:
 * writing a source key there is an update with the folder's token, not a create.
 */
async function folderToken(target: Source, path: string): Promise<string | null> {
  if (target.store === null) return null;
  try {
    const node = await target.store.session.get(absolutePath(target.root, path), { maxBytes: 1 });
    return node.hasValue ? node.token : null;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Plans a sync from a diff whose left side is the source and right side the target: create what only the
 * source has, update what changed, delete what only the target has (when asked). Each item pins the
 * source value's hash and the target token the diff saw; every item starts selected.
 */
export async function planSync(
  diff: DiffResult,
  target: Source,
  options: Partial<SyncOptions> = {},
): Promise<SyncPlan> {
  const settings: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...options };
  const targetFolders = new Set(diff.rightFolders);
  const items: SyncItem[] = [];
  for (const entry of diff.entries) {
    const action = actionOf(entry, settings);
    if (action === null) continue;
    const item: SyncItem = {
      path: entry.path,
      action,
      selected: true,
      sourceHash: action === 'delete' ? null : entry.left!.hash,
      targetToken: action === 'create' ? null : entry.right!.token,
    };
    if (action === 'create' && targetFolders.has(entry.path)) {
      const token = await folderToken(target, entry.path);
      if (token !== null) Object.assign(item, { action: 'update', targetToken: token });
    }
    items.push(item);
  }
  items.sort((a, b) => comparePaths(a.path, b.path));

  const targetPaths = new Set(targetFolders);
  for (const entry of diff.entries) if (entry.right !== null) targetPaths.add(entry.path);
  const ancestors = new Set<string>();
  for (const item of items) {
    if (item.action === 'update') continue;
    for (const ancestor of ancestorsOf(item.path).slice(1))
      if (targetPaths.has(ancestor)) ancestors.add(ancestor);
  }
  const count = (action: SyncItem['action']): number => items.filter((i) => i.action === action).length;
  return {
    syncId: randomUUID(),
    source: diff.left,
    target: diff.right,
    options: settings,
    createdAt: new Date().toISOString(),
    items,
    targetAncestors: [...ancestors].sort(comparePaths),
    summary: { create: count('create'), update: count('update'), delete: count('delete') },
  };
}
