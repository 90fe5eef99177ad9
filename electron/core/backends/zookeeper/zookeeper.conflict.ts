import { AppError } from '../../../../shared/errors.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';

/** Parses a concurrency token (the znode version); null means "any version" (-1). */
export function tokenToVersion(token: string | null): number {
  if (token === null) return -1;
  if (!/^-?\d+$/.test(token)) {
    throw new AppError(
      'INVALID_INPUT',
      `The token ${JSON.stringify(token)} is not a ZooKeeper version number.`,
    );
  }
  return Number(token);
}

/** A CONFLICT carrying the node's current value (null when this session may not read it) and version. */
export function conflictWith(path: string, data: Buffer | null, version: number): AppError {
  return new AppError(
    'CONFLICT',
    `${path} was changed by someone else since it was read (now at version ${version}).`,
    { currentValueBase64: data?.toString('base64') ?? null, currentToken: String(version) },
  );
}

/** A CONFLICT carrying the node's current value and version, read right after the version check failed. */
export async function conflictAt(ops: ZooKeeperOps, path: string): Promise<AppError> {
  try {
    const { data, stat } = await ops.getData(path);
    return conflictWith(path, data, stat.version);
  } catch {
    return new AppError(
      'CONFLICT',
      `${path} was changed by someone else since it was read and can no longer be read.`,
      {
        currentValueBase64: null,
        currentToken: null,
      },
    );
  }
}
