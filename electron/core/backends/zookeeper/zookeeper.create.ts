import { AppError, isAppError } from '../../../../shared/errors.js';
import type { CreateOptions } from '../backend.js';
import { createContainer, createTtl, MAX_TTL_MS } from './zookeeper.create-extended.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { parentPath } from '../../../../shared/paths.js';

/** Library CreateMode flags for the plain modes. */
const FLAG_EPHEMERAL = 1;
const FLAG_SEQUENTIAL = 2;

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

/** Creates one node of the given mode (one the node service accepted) under an existing parent; resolves with the created path. */
export async function createNode(
  ops: ZooKeeperOps,
  path: string,
  value: Buffer,
  mode: CreateOptions,
): Promise<string> {
  if (mode.ttlMs !== undefined) assertTtl(mode.ttlMs);
  const ttl = mode.ttlMs !== undefined;
  try {
    if (mode.container) return await createContainer(ops.client, ops.ctx, path, value);
    if (mode.ttlMs !== undefined)
      return await createTtl(ops.client, ops.ctx, path, value, mode.ttlMs, mode.sequential);
    const flags = (mode.ephemeral ? FLAG_EPHEMERAL : 0) | (mode.sequential ? FLAG_SEQUENTIAL : 0);
    return await ops.create(path, value, flags);
  } catch (error) {
    throw explainCreateError(error, path, ttl);
  }
}
