import {
  ClientClosedError,
  EtcdAuthenticationFailedError,
  EtcdInvalidAuthTokenError,
  EtcdPermissionDeniedError,
  GRPCDeadlineExceededError,
  GRPCNotImplementedError,
  GRPCResourceExhastedError,
  GRPCUnauthenticatedError,
  GRPCUnavailableError,
} from 'etcd3';
import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.js';

/** Matched on the message: etcd sends these as plain gRPC errors with a text reason. */
const MESSAGE_CODES: ReadonlyArray<[RegExp, ErrorCode, (what: string) => string]> = [
  [
    /user name is empty|invalid auth token/i,
    'AUTH_FAILED',
    () => 'etcd requires a user name and password for this connection.',
  ],
  [
    /request is too large|larger than max/i,
    'TOO_LARGE',
    (what) => `${what}: the request is larger than the etcd server accepts (by default 1.5 MiB per request).`,
  ],
  [
    /too many operations in txn/i,
    'TOO_LARGE',
    (what) => `${what}: the transaction has more operations than the etcd server allows.`,
  ],
  [
    /database space exceeded|no space/i,
    'INTERNAL',
    (what) => `${what}: the etcd database is out of space (NOSPACE alarm); compact and defragment it.`,
  ],
  [/requested lease not found/i, 'NOT_FOUND', (what) => `${what}: the lease no longer exists.`],
  [
    /alert bad certificate|certificate required|alert number 4[0-9]/i,
    'AUTH_FAILED',
    (what) => `${what}: the etcd server rejected the TLS client certificate (or the lack of one).`,
  ],
  [
    /unable to verify|self[- ]signed|certificate has expired|does not match certificate|ERR_TLS_CERT/i,
    'UNREACHABLE',
    (what) =>
      `${what}: the TLS certificate of the etcd server could not be verified against the CA file (or the system roots when none is set).`,
  ],
  [/circuit breaker is open/i, 'UNREACHABLE', (what) => `${what}: the etcd server is unreachable.`],
  [
    /Received HTTP status code|Protocol error|Received RST_STREAM/i,
    'UNREACHABLE',
    (what) => `${what}: the endpoint answered, but not as an etcd v3 (gRPC) server.`,
  ],
];

/** The useful part of a gRPC connection error ("connect ECONNREFUSED 127.0.0.1:2379"). */
function shortReason(error: Error): string {
  const lastError = /Last error: (?:Error: )?(.*?)(?: \(\d{4}-[^)]*\))?\.? Resolution note/s.exec(
    error.message,
  );
  const reason = (lastError?.[1] ?? error.message.replace(/^\d+ [A-Z_]+: /, '')).split('\n')[0]!.trim();
  return reason.length > 160 ? `${reason.slice(0, 157)}...` : reason;
}

function classify(error: Error, what: string): { code: ErrorCode; message: string } {
  if (error instanceof EtcdAuthenticationFailedError) {
    return { code: 'AUTH_FAILED', message: 'etcd rejected the user name or password.' };
  }
  if (error instanceof EtcdInvalidAuthTokenError || error instanceof GRPCUnauthenticatedError) {
    return { code: 'AUTH_FAILED', message: 'etcd did not accept the credentials of this connection.' };
  }
  if (error instanceof EtcdPermissionDeniedError) {
    return {
      code: 'PERMISSION_DENIED',
      message: `${what}: the etcd user of this connection lacks the permission.`,
    };
  }
  if (error instanceof GRPCDeadlineExceededError) {
    return { code: 'TIMEOUT', message: `${what}: etcd did not answer in time.` };
  }
  if (error instanceof ClientClosedError) {
    return { code: 'NOT_CONNECTED', message: `${what}: the etcd connection is closed.` };
  }
  for (const [pattern, code, message] of MESSAGE_CODES) {
    if (pattern.test(error.message)) return { code, message: message(what) };
  }
  if (
    error instanceof GRPCUnavailableError ||
    /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET/.test(error.message)
  ) {
    return {
      code: 'UNREACHABLE',
      message: `${what}: the etcd server is unreachable (${shortReason(error)}).`,
    };
  }
  if (error instanceof GRPCNotImplementedError) {
    return { code: 'UNSUPPORTED', message: `${what}: this etcd server does not support the operation.` };
  }
  if (error instanceof GRPCResourceExhastedError) {
    return { code: 'TOO_LARGE', message: `${what}: the message exceeds a gRPC size limit.` };
  }
  return { code: 'INTERNAL', message: `${what} failed: ${error.message}` };
}

/** Maps any failure of the etcd3 client to an AppError with a stable code; AppErrors pass through. */
export function toAppError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  const cause = error instanceof Error ? error : new Error(String(error));
  const { code, message } = classify(cause, what);
  const appError = new AppError(code, message);
  appError.cause = cause;
  return appError;
}
