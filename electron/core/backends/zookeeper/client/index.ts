/**
 * ConfigDeck's ZooKeeper client: the client/server protocol of ZooKeeper 3.5–3.9 over TCP or TLS,
 * written from zookeeper.jute and the protocol's documentation. Self-contained: nothing here imports
 * from the rest of ConfigDeck.
 *
 *   connection.ts  one socket: framing, request numbering, pings, reply matching
 *   client.ts      the session: hosts, reconnects, expiry, auth, watches, the operations
 *   requests.ts    request and reply records of the single operations; multi.ts those of multi/multiRead
 *   watches.ts     which functions wait for which paths, and their re-registration after a reconnect
 *   jute.ts        the binary record format; frames.ts the length-prefixed framing
 *   errors.ts      the server's error codes and this client's errors
 */
export {
  ZkClient,
  type ZkClientOptions,
  type ZkState,
  type ZkStateListener,
  type RemoveWatchType,
} from './client.js';
export {
  ZkCode,
  ZkError,
  ZkMultiError,
  ZkProtocolError,
  ZkRequestTooLargeError,
  ZkClosedError,
  codeName,
  isZkError,
  type ZkCodeName,
} from './errors.js';
export { ZkConnectError, type HostPort, type ZkTlsOptions } from './transport.js';
export { ZkTlsError, ZkSocketError, type ZkTlsFailure } from './socket-errors.js';
export type { MultiOp, MultiResult, ReadOp, ReadResult } from './multi.js';
export type { ZkAcl, ZkId, ZkStat, ZkClientInfo } from './records.js';
export { OPEN_ACL } from './records.js';
export type { CreateMode, CreateOptions, Created } from './requests.js';
export type { ZkWatchEvent, ZkWatcher, ZkEventType, WatchKind } from './watches.js';
export { Perm, MAX_TTL_MS, DEFAULT_MAX_REQUEST_BYTES } from './protocol.js';
export { pathProblem } from './paths.js';
