import { AppError, isAppError } from '../../../../shared/errors.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { childPath } from '../../../../shared/paths.js';
import { mapPipelined } from './zookeeper.pipeline.js';

/** Rounds of "list, delete" a recursive delete makes while others keep adding children under it. */
const DELETE_ROUNDS = 3;

function isCode(error: unknown, code: string): boolean {
  return isAppError(error) && error.code === code;
}

/**
 * The subtree of `root` level by level (`[[root], children, grandchildren, …]`), listed with pipelined
 * getChildren calls. Nodes deleted while walking are skipped; a missing root is NOT_FOUND.
 */
export async function subtreeLevels(ops: ZooKeeperOps, root: string): Promise<string[][]> {
  const levels: string[][] = [[root]];
  let current = (await ops.getChildren(root)).map((name) => childPath(root, name));
  if (current.length > 0) levels.push(current);
  while (current.length > 0) {
    const listed = await mapPipelined(current, (path) =>
      ops.getChildren(path).then(
        (names) => names.map((name) => childPath(path, name)),
        (error: unknown) => {
          if (isCode(error, 'NOT_FOUND')) return [];
          throw error;
        },
      ),
    );
    current = listed.flat();
    if (current.length > 0) levels.push(current);
  }
  return levels;
}

/** Number of nodes in the subtree, the node itself included. */
export async function countSubtree(ops: ZooKeeperOps, root: string): Promise<number> {
  const levels = await subtreeLevels(ops, root);
  return levels.reduce((sum, level) => sum + level.length, 0);
}

/** Removes one node: 1 when removed, 0 when already gone, 'not-empty' when a child appeared meanwhile. */
async function removeOne(ops: ZooKeeperOps, path: string, version: number): Promise<number | 'not-empty'> {
  try {
    await ops.remove(path, version);
    return 1;
  } catch (error) {
    if (isCode(error, 'NOT_FOUND')) return 0;
    if (isCode(error, 'NOT_EMPTY')) return 'not-empty';
    throw error;
  }
}

/**
 * Deletes a subtree depth-first (deepest level first, each level pipelined) and returns how many nodes
 * this call removed. Nodes others delete meanwhile are tolerated; children others add meanwhile cause
 * another round, up to a few.
 */
export async function deleteSubtree(ops: ZooKeeperOps, root: string, rootVersion: number): Promise<number> {
  let deleted = 0;
  for (let round = 0; round < DELETE_ROUNDS; round++) {
    let levels: string[][];
    try {
      levels = await subtreeLevels(ops, root);
    } catch (error) {
      if (deleted > 0 && isCode(error, 'NOT_FOUND')) return deleted;
      throw error;
    }
    for (let depth = levels.length - 1; depth >= 1; depth--) {
      const results = await mapPipelined(levels[depth] ?? [], (path) => removeOne(ops, path, -1));
      for (const result of results) if (typeof result === 'number') deleted += result;
    }
    const last = await removeOne(ops, root, rootVersion);
    if (last !== 'not-empty') {
      if (last === 0 && deleted === 0) throw new AppError('NOT_FOUND', `No node exists at ${root}.`);
      return deleted + last;
    }
  }
  throw new AppError(
    'NOT_EMPTY',
    `${root} keeps getting new children; the recursive delete gave up after ${DELETE_ROUNDS} rounds.`,
  );
}
