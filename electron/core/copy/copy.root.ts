import { isAppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import { ancestorsOf } from '../../../shared/paths.js';
import type { Source, SourceStore } from '../sources/source.js';
import type { SyncWriter } from '../sync/sync.writer.js';
import { hashBytes } from '../sync/value.hash.js';

/**
 * The root node's own value. A sync compares what hangs below two roots and leaves the roots out; a copy
 * of `/app/db` carries the value of `/app/db` itself too (a copy of a single leaf is nothing else).
 */
export interface RootItem {
  value: Buffer;
  sourceToken: string | null;
  targetExists: boolean;
  /** The target root holds the same bytes: nothing to write. */
  identical: boolean;
  /** The target root is a folder (no value of its own, or empty with children): filled in like a create. */
  targetIsFolder: boolean;
  targetToken: string | null;
}

export type RootOutcome = 'copied' | 'overwritten' | 'kept';

function isEphemeral(fields: Record<string, string> | undefined): boolean {
  const owner = fields?.['ephemeralOwner'];
  try {
    return owner !== undefined && BigInt(owner) !== 0n;
  } catch {
    return false;
  }
}

async function targetNode(store: SourceStore | null, path: string) {
  if (store === null) return null;
  try {
    return await store.session.get(path, { maxBytes: 0 });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** The source root as a key (null when it is a folder, absent or ephemeral) and what the target has there. */
export async function readRoot(source: Source, target: Source): Promise<RootItem | null> {
  const key = await source.read('/');
  if (key === null || isEphemeral(key.meta?.fields)) return null;
  const node = await targetNode(target.store, target.root);
  const value = node === null ? null : Buffer.from(node.valueBase64, 'base64');
  const targetIsFolder =
    node !== null && (!node.hasValue || (value!.length === 0 && (node.childCount ?? 0) > 0));
  return {
    value: key.value,
    sourceToken: key.token,
    targetExists: node !== null,
    identical: node !== null && node.hasValue && hashBytes(value!) === hashBytes(key.value),
    targetIsFolder,
    targetToken: node?.token ?? null,
  };
}

/**
 * Writes the root's value through the sync's writer (audited with the copy's id): created with its missing
 * parents, filled into a folder, overwritten when asked, else kept. The source value is re-read and must
 * still be the one planned.
 */
export async function applyRoot(
  item: RootItem,
  source: Source,
  target: Source,
  writer: SyncWriter,
  overwrite: boolean,
): Promise<RootOutcome> {
  if (item.targetExists && (item.identical || (!overwrite && !item.targetIsFolder))) return 'kept';
  const current = await source.read('/');
  if (current === null || hashBytes(current.value) !== hashBytes(item.value)) {
    return writer.sourceMoved(item.targetExists ? 'set' : 'create', '/');
  }
  if (item.targetExists) {
    await writer.update('/', current.value, item.targetToken);
    return item.targetIsFolder ? 'copied' : 'overwritten';
  }
  if (target.store !== null && KIND_DESCRIPTORS[target.store.profile.kind].parentsMustExist) {
    for (const ancestor of ancestorsOf(target.root).slice(1)) await writer.ensureFolder(ancestor);
  }
  await writer.create('/', current.value);
  return 'copied';
}
