import { AppError, isAppError } from '../../../../shared/errors.js';
import type { CreateOptions } from '../backend.js';
import { MAX_TTL_MS, type CreateMode } from './client/index.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { parentPath } from '../../../../shared/paths.js';

/** ZooKeeper keeps a TTL in 40 bits: a longer one is refused before it reaches the server. */
function assertTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs < 1 || ttlMs > MAX_TTL_MS) {
    throw new AppError(
      'INVALID_INPUT',
      `A TTL must be a whole number of milliseconds from 1 to ${MAX_TTL_MS}.`,
    );
  }
}

function explainCreateError(error: unknown, path: string, ttl: boolean): unknown {
  if (!isAppError(error)) return error;
  if (error.code === 'NOT_FOUND') {
    return new AppError(
      'NOT_FOUND',
      `Cannot create ${path}: its parent ${parentPath(path) ?? '/'} does not exist.`,
    );
  }
  if (ttl && error.code === 'UNSUPPORTED') {
    return new AppError(
      'UNSUPPORTED',
      'This ZooKeeper server does not accept TTL nodes: it must run with -Dzookeeper.extendedTypesEnabled=true.',
    );
  }
  return error;
}

/** The client's create mode for the shared one (a mode the node service accepted). */
function modeOf(mode: CreateOptions): CreateMode {
  if (mode.container) return 'container';
  if (mode.ttlMs !== undefined) return mode.sequential ? 'persistentSequentialWithTtl' : 'persistentWithTtl';
  if (mode.ephemeral) return mode.sequential ? 'ephemeralSequential' : 'ephemeral';
  return mode.sequential ? 'persistentSequential' : 'persistent';
}

/** Creates one node of the given mode under an existing parent; resolves with the created path. */
export async function createNode(
  ops: ZooKeeperOps,
  path: string,
  value: Buffer,
  mode: CreateOptions,
): Promise<string> {
  if (mode.ttlMs !== undefined) assertTtl(mode.ttlMs);
  try {
    return await ops.create(path, value, modeOf(mode), mode.ttlMs);
  } catch (error) {
    throw explainCreateError(error, path, mode.ttlMs !== undefined);
  }
}
