import type { ZkStat as Stat } from './client/index.js';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { DeleteResult } from '../backend.js';
import { MOVED, writeGuardedByRead, type Moved } from '../kit/guarded-by-read.js';
import { conflictAt, conflictWith, tokenToVersion } from './zookeeper.conflict.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { deleteSubtree } from './zookeeper.tree.js';
import { explainWriteError } from './zookeeper.values.js';

/** A znode as a write finds it: its value (null when this session may change it but not read it) and version. */
interface Found {
  data: Buffer | null;
  version: number;
}

function isCode(error: unknown, code: string): boolean {
  return isAppError(error) && error.code === code;
}

/**
 * Reads the znode a write is about to change and checks the caller's version (-1: any): a stale token
 * fails before anything is written. ZooKeeper checks READ apart from WRITE (and DELETE, the parent's),
 * so a session allowed to change a node it may not read still does; the value before is then unknown.
 */
async function readForWrite(ops: ZooKeeperOps, path: string, version: number): Promise<Found> {
  let found: Found;
  try {
    const { data, stat } = await ops.getData(path, true);
    found = { data, version: stat.version };
  } catch (error) {
    if (!isCode(error, 'PERMISSION_DENIED')) throw error;
    const stat = await ops.exists(path);
    if (stat === null) throw new AppError('NOT_FOUND', `No node exists at ${path}.`);
    found = { data: null, version: stat.version };
  }
  if (version !== -1 && found.version !== version) throw conflictWith(path, found.data, found.version);
  return found;
}

/** The version a write is guarded by: the caller's, else (while guarded) the one just read, else any (-1). */
function guardOf(version: number, found: Found, guarded: boolean): number {
  if (version !== -1) return version;
  return guarded ? found.version : -1;
}

/** A failed guard: read again when the caller gave no version (MOVED), else the caller's CONFLICT. */
async function movedOrConflict(ops: ZooKeeperOps, path: string, version: number): Promise<Moved> {
  if (version === -1) return MOVED;
  throw await conflictAt(ops, path);
}

/** Writes a znode's value when it is still at `token` (null: any version), with the value it replaced. */
export async function writeZnode(
  ops: ZooKeeperOps,
  path: string,
  value: Buffer,
  token: string | null,
): Promise<{ stat: Stat; before: Buffer | null }> {
  const version = tokenToVersion(token);
  const { current, written } = await writeGuardedByRead(
    () => readForWrite(ops, path, version),
    (found, guarded) =>
      ops
        .setData(path, value, guardOf(version, found, guarded))
        .catch(async (error: unknown): Promise<Moved> => {
          if (isCode(error, 'CONFLICT')) return movedOrConflict(ops, path, version);
          throw explainWriteError(error, value);
        }),
  );
  return { stat: written, before: current.data };
}

/** Deletes a znode without children when it is still at `token` (null: any version). */
export async function removeZnode(
  ops: ZooKeeperOps,
  path: string,
  token: string | null,
): Promise<DeleteResult> {
  const version = tokenToVersion(token);
  const { current } = await writeGuardedByRead(
    () => readForWrite(ops, path, version),
    (found, guarded) =>
      ops.remove(path, guardOf(version, found, guarded)).then(
        () => true,
        async (error: unknown): Promise<Moved> => {
          if (isCode(error, 'CONFLICT')) return movedOrConflict(ops, path, version);
          throw error;
        },
      ),
  );
  return { deleted: 1, before: current.data };
}

/**
 * Deletes a znode and its subtree, the root checked against `token` first. The children go first, so
 * the root's value could still change before the root goes: its value before is the one read here.
 */
export async function removeZnodeTree(
  ops: ZooKeeperOps,
  path: string,
  token: string | null,
): Promise<DeleteResult> {
  const version = tokenToVersion(token);
  const found = await readForWrite(ops, path, version);
  const deleted = await deleteSubtree(ops, path, version).catch(async (error: unknown) => {
    if (isCode(error, 'CONFLICT')) throw await conflictAt(ops, path);
    throw error;
  });
  return { deleted, before: found.data };
}
