import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.js';
import {
  ZkClosedError,
  ZkCode,
  ZkConnectError,
  ZkError,
  ZkProtocolError,
  ZkRequestTooLargeError,
  ZkSocketError,
  ZkTlsError,
} from './client/index.js';

function describe(error: ZkError, op: string, path: string): { code: ErrorCode; message: string } {
  switch (error.code) {
    case ZkCode.NO_NODE:
      return { code: 'NOT_FOUND', message: `No node exists at ${path}.` };
    case ZkCode.NODE_EXISTS:
      return { code: 'NODE_EXISTS', message: `A node already exists at ${path}.` };
    case ZkCode.NOT_EMPTY:
      return { code: 'NOT_EMPTY', message: `${path} has children; delete them first or delete recursively.` };
    case ZkCode.BAD_VERSION:
      return { code: 'CONFLICT', message: `${path} was changed by someone else since it was read.` };
    case ZkCode.NO_AUTH:
      return {
        code: 'PERMISSION_DENIED',
        message: `The ACL of ${path} does not allow this session to ${op} it.`,
      };
    case ZkCode.AUTH_FAILED:
      return { code: 'AUTH_FAILED', message: 'ZooKeeper rejected the credentials of this connection.' };
    case ZkCode.INVALID_ACL:
      return { code: 'INVALID_INPUT', message: `The ACL given for ${path} is not valid.` };
    case ZkCode.NO_CHILDREN_FOR_EPHEMERALS:
      return { code: 'INVALID_INPUT', message: `${path}: ephemeral nodes cannot have children.` };
    case ZkCode.BAD_ARGUMENTS:
      return { code: 'INVALID_INPUT', message: `ZooKeeper refused the arguments to ${op} ${path}.` };
    case ZkCode.UNIMPLEMENTED:
      return {
        code: 'UNSUPPORTED',
        message: `This ZooKeeper server does not support this way to ${op} ${path}.`,
      };
    case ZkCode.NOT_READ_ONLY:
      return {
        code: 'READ_ONLY',
        message: `The ZooKeeper server is read-only (it lost its quorum); ${op} ${path} was refused.`,
      };
    case ZkCode.QUOTA_EXCEEDED:
      return { code: 'TOO_LARGE', message: `${path}: the ZooKeeper quota of this subtree is exhausted.` };
    case ZkCode.CONNECTION_LOSS:
    case ZkCode.SESSION_MOVED:
      return { code: 'UNREACHABLE', message: `The connection to ZooKeeper was lost during ${op} ${path}.` };
    case ZkCode.SESSION_EXPIRED:
      return {
        code: 'NOT_CONNECTED',
        message: `The ZooKeeper session expired during ${op} ${path}; a new session is being opened.`,
      };
    case ZkCode.OPERATION_TIMEOUT:
    case ZkCode.REQUEST_TIMEOUT:
    case ZkCode.THROTTLED_OP:
      return { code: 'TIMEOUT', message: `ZooKeeper did not complete ${op} ${path} in time.` };
    default:
      return {
        code: 'INTERNAL',
        message: `ZooKeeper failed to ${op} ${path} (${error.codeName === 'UNKNOWN' ? 'error code' : error.codeName} ${error.code}).`,
      };
  }
}

/** Maps anything a ZooKeeper call throws to an AppError with a stable code (AppErrors pass through). */
export function toAppError(error: unknown, op: string, path: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZkError) {
    const described = describe(error, op, path);
    return new AppError(described.code, described.message);
  }
  if (error instanceof ZkRequestTooLargeError) {
    return new AppError(
      'TOO_LARGE',
      `Cannot ${op} ${path}: the request of ${error.bytes} bytes is larger than ZooKeeper accepts (${error.limit} bytes, jute.maxbuffer).`,
    );
  }
  if (error instanceof ZkClosedError)
    return new AppError('NOT_CONNECTED', 'This ZooKeeper connection is closed.');
  if (error instanceof ZkTlsError && error.failure === 'clientCertificateRefused') {
    return new AppError('AUTH_FAILED', `Cannot ${op} ${path}: ${error.message}.`);
  }
  if (
    error instanceof ZkTlsError ||
    error instanceof ZkSocketError ||
    error instanceof ZkConnectError ||
    error instanceof ZkProtocolError
  ) {
    // The client's sentence starts with the server (`127.0.0.1:2281 refused the connection`).
    return new AppError('UNREACHABLE', `Cannot ${op} ${path}: ${error.message}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Cannot ${op} ${path}: ${message}`);
}
