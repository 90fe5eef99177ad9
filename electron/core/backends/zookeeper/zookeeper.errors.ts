import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.js';

/** ZooKeeper KeeperException codes (the library knows only the older ones; the server may send newer ones). */
export const ZK = {
  SYSTEM_ERROR: -1,
  CONNECTION_LOSS: -4,
  MARSHALLING_ERROR: -5,
  UNIMPLEMENTED: -6,
  OPERATION_TIMEOUT: -7,
  BAD_ARGUMENTS: -8,
  NO_NODE: -101,
  NO_AUTH: -102,
  BAD_VERSION: -103,
  NO_CHILDREN_FOR_EPHEMERALS: -108,
  NODE_EXISTS: -110,
  NOT_EMPTY: -111,
  SESSION_EXPIRED: -112,
  INVALID_ACL: -114,
  AUTH_FAILED: -115,
  SESSION_MOVED: -118,
  REQUEST_TIMEOUT: -122,
  QUOTA_EXCEEDED: -125,
  THROTTLED: -127,
} as const;

/** The numeric KeeperException code of a library error, or null for anything else. */
export function zkCodeOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || isAppError(error)) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : null;
}

function describe(code: number, op: string, path: string): { code: ErrorCode; message: string } {
  switch (code) {
    case ZK.NO_NODE:
      return { code: 'NOT_FOUND', message: `No node exists at ${path}.` };
    case ZK.NODE_EXISTS:
      return { code: 'NODE_EXISTS', message: `A node already exists at ${path}.` };
    case ZK.NOT_EMPTY:
      return { code: 'NOT_EMPTY', message: `${path} has children; delete them first or delete recursively.` };
    case ZK.BAD_VERSION:
      return { code: 'CONFLICT', message: `${path} was changed by someone else since it was read.` };
    case ZK.NO_AUTH:
      return {
        code: 'PERMISSION_DENIED',
        message: `The ACL of ${path} does not allow this session to ${op} it.`,
      };
    case ZK.AUTH_FAILED:
      return { code: 'AUTH_FAILED', message: 'ZooKeeper rejected the credentials of this connection.' };
    case ZK.INVALID_ACL:
      return { code: 'INVALID_INPUT', message: `The ACL given for ${path} is not valid.` };
    case ZK.NO_CHILDREN_FOR_EPHEMERALS:
      return { code: 'INVALID_INPUT', message: `${path}: ephemeral nodes cannot have children.` };
    case ZK.BAD_ARGUMENTS:
      return { code: 'INVALID_INPUT', message: `ZooKeeper refused the arguments to ${op} ${path}.` };
    case ZK.UNIMPLEMENTED:
      return {
        code: 'UNSUPPORTED',
        message: `This ZooKeeper server does not support this way to ${op} ${path}.`,
      };
    case ZK.QUOTA_EXCEEDED:
      return { code: 'TOO_LARGE', message: `${path}: the ZooKeeper quota of this subtree is exhausted.` };
    case ZK.CONNECTION_LOSS:
    case ZK.SESSION_MOVED:
      return { code: 'UNREACHABLE', message: `The connection to ZooKeeper was lost during ${op} ${path}.` };
    case ZK.SESSION_EXPIRED:
      return { code: 'NOT_CONNECTED', message: 'The ZooKeeper session expired; reconnect to continue.' };
    case ZK.OPERATION_TIMEOUT:
    case ZK.REQUEST_TIMEOUT:
    case ZK.THROTTLED:
      return { code: 'TIMEOUT', message: `ZooKeeper did not complete ${op} ${path} in time.` };
    default:
      return { code: 'INTERNAL', message: `ZooKeeper failed to ${op} ${path} (error code ${code}).` };
  }
}

/** Maps anything a ZooKeeper call throws to an AppError with a stable code (AppErrors pass through). */
export function toAppError(error: unknown, op: string, path: string): AppError {
  if (isAppError(error)) return error;
  const code = zkCodeOf(error);
  if (code !== null) {
    const described = describe(code, op, path);
    return new AppError(described.code, described.message);
  }
  // The library validates arguments with synchronous assertions (path syntax, value size).
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: unknown } | null)?.code === 'ERR_ASSERTION') {
    return new AppError('INVALID_INPUT', `Cannot ${op} ${path}: ${message}`);
  }
  return new AppError('INTERNAL', `Cannot ${op} ${path}: ${message}`);
}

/** True when the error is a KeeperException with the given code. */
export function hasZkCode(error: unknown, code: number): boolean {
  return zkCodeOf(error) === code;
}
