import { AppError, isAppError } from '../../../../shared/errors.js';
import type { BackendSession } from '../backend.js';
import { createContainer, createTtl, MAX_TTL_MS } from './zookeeper.create-extended.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { parentPath } from '../../../../shared/paths.js';

export type ZkCreateMode = Parameters<BackendSession['create']>[2];

/** Library CreateMode flags for the plain modes. */
const FLAG_EPHEMERAL = 1;
const FLAG_SEQUENTIAL = 2;

/** Throws INVALID_INPUT/UNSUPPORTED for combinations ZooKeeper has no node type for. */
export function assertCreateMode(mode: ZkCreateMode): void {
  if (mode.leaseTtlSec !== undefined) {
    throw new AppError(
      'UNSUPPORTED',
      'Leases are an etcd feature; in ZooKeeper use an ephemeral or a TTL node.',
    );
  }
  if (mode.container && (mode.ephemeral || mode.sequential || mode.ttlMs !== undefined)) {
    throw new AppError(
      'INVALID_INPUT',
      'A container node cannot also be ephemeral, sequential or have a TTL.',
    );
  }
  if (mode.ttlMs !== undefined) {
    if (mode.ephemeral)
      throw new AppError('INVALID_INPUT', 'A node cannot be both ephemeral and have a TTL.');
    if (!Number.isInteger(mode.ttlMs) || mode.ttlMs < 1 || mode.ttlMs > MAX_TTL_MS) {
      throw new AppError(
        'INVALID_INPUT',
        `A TTL must be a whole number of milliseconds from 1 to ${MAX_TTL_MS}.`,
      );
    }
  }
}

function explainCreateError(error: unknown, path: string, ttl: boolean): unknown {
  if (!isAppError(error)) return error;
  if (error.code === 'NOT_FOUND') {
    return new AppError('NOT_FOUND', `Cannot create ${path}: its parent ${parentPath(path) ?? '/'} does not exist.`);
  }
  if (ttl && error.code === 'UNSUPPORTED') {
    return new AppError(
      'UNSUPPORTED',
      'This ZooKeeper server does not accept TTL nodes: it must run with -Dzookeeper.extendedTypesEnabled=true.',
    );
  }
  return error;
}

/** Creates one node of the given mode under an existing parent; resolves with the created path. */
export async function createNode(
  ops: ZooKeeperOps,
  path: string,
  value: Buffer,
  mode: ZkCreateMode,
): Promise<string> {
  assertCreateMode(mode);
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
