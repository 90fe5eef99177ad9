/**
 * The numbers of ZooKeeper's client protocol (ZooDefs.OpCode, the special xids of ClientCnxn, the watcher
 * event and watcher types), named once. Written from the protocol's documentation and zookeeper.jute.
 */
export const OpCode = {
  notification: 0,
  create: 1,
  delete: 2,
  exists: 3,
  getData: 4,
  setData: 5,
  getACL: 6,
  setACL: 7,
  getChildren: 8,
  sync: 9,
  ping: 11,
  getChildren2: 12,
  check: 13,
  multi: 14,
  create2: 15,
  reconfig: 16,
  checkWatches: 17,
  removeWatches: 18,
  createContainer: 19,
  deleteContainer: 20,
  createTTL: 21,
  multiRead: 22,
  auth: 100,
  setWatches: 101,
  sasl: 102,
  getEphemerals: 103,
  getAllChildrenNumber: 104,
  setWatches2: 105,
  addWatch: 106,
  whoAmI: 107,
  createSession: -10,
  closeSession: -11,
  error: -1,
} as const;

/** Reserved xids: replies carrying them are not answers to numbered requests. */
export const Xid = {
  notification: -1,
  ping: -2,
  auth: -4,
  setWatches: -8,
} as const;

/** WatchedEvent types as the server numbers them. */
export const EventType = {
  none: -1,
  created: 1,
  deleted: 2,
  dataChanged: 3,
  childrenChanged: 4,
  dataWatchRemoved: 5,
  childWatchRemoved: 6,
  persistentWatchRemoved: 7,
} as const;

/** Watcher types of removeWatches / checkWatches. */
export const WatcherType = {
  children: 1,
  data: 2,
  any: 3,
  persistent: 4,
  persistentRecursive: 5,
} as const;

/** Modes of addWatch. */
export const AddWatchMode = {
  persistent: 0,
  persistentRecursive: 1,
} as const;

/** Create flags (CreateMode.toFlag). */
export const CreateFlag = {
  persistent: 0,
  ephemeral: 1,
  persistentSequential: 2,
  ephemeralSequential: 3,
  container: 4,
  persistentWithTtl: 5,
  persistentSequentialWithTtl: 6,
} as const;

/** ACL permission bits. */
export const Perm = {
  read: 1,
  write: 2,
  create: 4,
  delete: 8,
  admin: 16,
  all: 31,
} as const;

/** The server's default jute.maxbuffer: it drops a connection whose request frame is longer. */
export const DEFAULT_MAX_REQUEST_BYTES = 0xfffff;
/** SetWatches requests are cut at about this many path bytes, as the reference client does. */
export const SET_WATCHES_MAX_BYTES = 128 * 1024;
/** ZooKeeper keeps a TTL in 40 bits (EphemeralType.TTL). */
export const MAX_TTL_MS = 2 ** 40 - 1;
