/**
 * KeeperException codes as the server sends them, and the errors this client rejects with. Every code a
 * server can send maps to a ZkError carrying its number; a code this table does not know is still a
 * ZkError (name UNKNOWN), never an exception out of the socket handler.
 */
export const ZkCode = {
  OK: 0,
  SYSTEM_ERROR: -1,
  RUNTIME_INCONSISTENCY: -2,
  DATA_INCONSISTENCY: -3,
  CONNECTION_LOSS: -4,
  MARSHALLING_ERROR: -5,
  UNIMPLEMENTED: -6,
  OPERATION_TIMEOUT: -7,
  BAD_ARGUMENTS: -8,
  UNKNOWN_SESSION: -12,
  NEW_CONFIG_NO_QUORUM: -13,
  RECONFIG_IN_PROGRESS: -14,
  API_ERROR: -100,
  NO_NODE: -101,
  NO_AUTH: -102,
  BAD_VERSION: -103,
  NO_CHILDREN_FOR_EPHEMERALS: -108,
  NODE_EXISTS: -110,
  NOT_EMPTY: -111,
  SESSION_EXPIRED: -112,
  INVALID_CALLBACK: -113,
  INVALID_ACL: -114,
  AUTH_FAILED: -115,
  SESSION_MOVED: -118,
  NOT_READ_ONLY: -119,
  EPHEMERAL_ON_LOCAL_SESSION: -120,
  NO_WATCHER: -121,
  REQUEST_TIMEOUT: -122,
  RECONFIG_DISABLED: -123,
  SESSION_CLOSED_REQUIRE_SASL_AUTH: -124,
  QUOTA_EXCEEDED: -125,
  THROTTLED_OP: -127,
} as const;

export type ZkCodeName = keyof typeof ZkCode | 'UNKNOWN';

const NAMES = new Map<number, ZkCodeName>(
  Object.entries(ZkCode).map(([name, code]) => [code, name as ZkCodeName]),
);

export function codeName(code: number): ZkCodeName {
  return NAMES.get(code) ?? 'UNKNOWN';
}

/** A request the server (or the connection) answered with a KeeperException code. */
export class ZkError extends Error {
  readonly codeName: ZkCodeName;

  constructor(
    readonly code: number,
    /** The operation, e.g. `getData`. */
    readonly op: string,
    /** The path the caller gave (chroot-relative), or null. */
    readonly path: string | null,
    detail?: string,
  ) {
    const name = codeName(code);
    const where = path === null ? '' : ` ${path}`;
    super(
      `${op}${where}: ${name === 'UNKNOWN' ? `error code ${code}` : name}${detail ? ` (${detail})` : ''}`,
    );
    this.name = 'ZkError';
    this.codeName = name;
  }
}

/** A multi that the server refused: nothing was applied; `index` is the op that failed. */
export class ZkMultiError extends ZkError {
  constructor(
    code: number,
    readonly index: number,
    /** Each op's code: 0 before the failing one, the failure, then RUNTIME_INCONSISTENCY. */
    readonly codes: readonly number[],
    path: string | null,
  ) {
    super(code, 'multi', path, `op ${index + 1} of ${codes.length}`);
    this.name = 'ZkMultiError';
  }
}

/** A request that could not be sent: larger than the server accepts, so it was never written. */
export class ZkRequestTooLargeError extends Error {
  constructor(
    readonly op: string,
    readonly path: string | null,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `${op}${path === null ? '' : ` ${path}`}: the request of ${bytes} bytes is larger than the server accepts (${limit} bytes, jute.maxbuffer)`,
    );
    this.name = 'ZkRequestTooLargeError';
  }
}

/** The bytes on a connection were not ZooKeeper's protocol; the connection was dropped. */
export class ZkProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZkProtocolError';
  }
}

/** A call on a client that is closed, or whose session ended for good (auth failed). */
export class ZkClosedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZkClosedError';
  }
}

export function isZkError(error: unknown, code?: number): error is ZkError {
  return error instanceof ZkError && (code === undefined || error.code === code);
}
