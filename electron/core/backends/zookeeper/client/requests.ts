import type { Chroot } from './chroot.js';
import { JuteReader, JuteWriter } from './jute.js';
import { CreateFlag, OpCode } from './protocol.js';
import {
  readAcl,
  readClientInfo,
  readStat,
  writeAcl,
  type ZkAcl,
  type ZkClientInfo,
  type ZkStat,
} from './records.js';

/**
 * One request: how to write its body and how to read the body of a successful reply. The connection
 * adds the frame length and the request header; a reply with an error code carries no body.
 */
export interface Request<T> {
  /** The operation's name, for errors. */
  readonly op: string;
  readonly opcode: number;
  /** The caller's path (chroot-relative), for errors; null when the request has none. */
  readonly path: string | null;
  write(writer: JuteWriter): void;
  read(reader: JuteReader): T;
  /** Bytes the body will take, roughly: the first buffer is sized from it. */
  readonly sizeHint: number;
}

export type CreateMode =
  | 'persistent'
  | 'persistentSequential'
  | 'ephemeral'
  | 'ephemeralSequential'
  | 'container'
  | 'persistentWithTtl'
  | 'persistentSequentialWithTtl';

export const CREATE_MODE_FLAGS: Record<CreateMode, number> = {
  persistent: CreateFlag.persistent,
  persistentSequential: CreateFlag.persistentSequential,
  ephemeral: CreateFlag.ephemeral,
  ephemeralSequential: CreateFlag.ephemeralSequential,
  container: CreateFlag.container,
  persistentWithTtl: CreateFlag.persistentWithTtl,
  persistentSequentialWithTtl: CreateFlag.persistentSequentialWithTtl,
};

export function isTtlMode(mode: CreateMode): boolean {
  return mode === 'persistentWithTtl' || mode === 'persistentSequentialWithTtl';
}

export interface CreateOptions {
  mode?: CreateMode;
  /** Defaults to world:anyone with every permission. */
  acl?: readonly ZkAcl[];
  /** Required for (and only allowed with) the TTL modes. */
  ttlMs?: number;
}

export interface Created {
  /** The created path (with the sequence suffix of a sequential node). */
  path: string;
  stat: ZkStat;
}

/** The opcode a create is sent with: create2 for the plain modes, the extended ones otherwise. */
export function createOpcode(mode: CreateMode): number {
  if (mode === 'container') return OpCode.createContainer;
  if (isTtlMode(mode)) return OpCode.createTTL;
  return OpCode.create2;
}

function pathSize(path: string): number {
  return 8 + path.length * 3;
}

/** CreateRequest / CreateTTLRequest body. */
export function writeCreate(
  writer: JuteWriter,
  serverPath: string,
  data: Buffer,
  mode: CreateMode,
  acl: readonly ZkAcl[],
  ttlMs: number | undefined,
): void {
  writer.ustring(serverPath).data(data).vector(acl, writeAcl).int(CREATE_MODE_FLAGS[mode]);
  if (isTtlMode(mode)) writer.long(BigInt(ttlMs ?? 0));
}

export function readCreated(reader: JuteReader, chroot: Chroot): Created {
  const path = chroot.fromServer(reader.string());
  return { path, stat: readStat(reader) };
}

/**
 * The request builders. Each takes the caller's path and the chroot, so the path on the wire and the
 * paths read back are translated in one place.
 */
export function createRequest(
  chroot: Chroot,
  path: string,
  data: Buffer,
  mode: CreateMode,
  acl: readonly ZkAcl[],
  ttlMs: number | undefined,
): Request<Created> {
  return {
    op: 'create',
    opcode: createOpcode(mode),
    path,
    sizeHint: pathSize(path) + data.length + 64,
    write: (writer) => writeCreate(writer, chroot.toServer(path), data, mode, acl, ttlMs),
    read: (reader) => readCreated(reader, chroot),
  };
}

/** A request whose body is the path, followed by the watch flag for the reads that can set a watch. */
function pathRequest<T>(
  op: string,
  opcode: number,
  chroot: Chroot,
  path: string,
  read: (reader: JuteReader) => T,
  watch?: boolean,
): Request<T> {
  return {
    op,
    opcode,
    path,
    sizeHint: pathSize(path) + 1,
    write: (writer) => {
      writer.ustring(chroot.toServer(path));
      if (watch !== undefined) writer.bool(watch);
    },
    read,
  };
}

export function getDataRequest(
  chroot: Chroot,
  path: string,
  watch: boolean,
): Request<{ data: Buffer; stat: ZkStat }> {
  return pathRequest(
    'getData',
    OpCode.getData,
    chroot,
    path,
    (reader) => ({ data: reader.data() ?? Buffer.alloc(0), stat: readStat(reader) }),
    watch,
  );
}

export function existsRequest(chroot: Chroot, path: string, watch: boolean): Request<ZkStat> {
  return pathRequest('exists', OpCode.exists, chroot, path, readStat, watch);
}

export function getChildrenRequest(
  chroot: Chroot,
  path: string,
  watch: boolean,
): Request<{ children: string[]; stat: ZkStat }> {
  const read = (reader: JuteReader): { children: string[]; stat: ZkStat } => {
    const children = reader.stringVector();
    return { children, stat: readStat(reader) };
  };
  return pathRequest('getChildren', OpCode.getChildren2, chroot, path, read, watch);
}

export function getAllChildrenNumberRequest(chroot: Chroot, path: string): Request<number> {
  return pathRequest('getAllChildrenNumber', OpCode.getAllChildrenNumber, chroot, path, (r) => r.int());
}

export function syncRequest(chroot: Chroot, path: string): Request<string> {
  return pathRequest('sync', OpCode.sync, chroot, path, (reader) => chroot.fromServer(reader.string()));
}

export function getAclRequest(chroot: Chroot, path: string): Request<{ acl: ZkAcl[]; stat: ZkStat }> {
  return pathRequest('getACL', OpCode.getACL, chroot, path, (reader) => {
    const acl = reader.vector(readAcl, 12);
    return { acl, stat: readStat(reader) };
  });
}

export function getEphemeralsRequest(chroot: Chroot, prefix: string): Request<string[]> {
  return pathRequest('getEphemerals', OpCode.getEphemerals, chroot, prefix, (reader) =>
    reader.stringVector().map((path) => chroot.fromServer(path)),
  );
}

export function setDataRequest(chroot: Chroot, path: string, data: Buffer, version: number): Request<ZkStat> {
  return {
    op: 'setData',
    opcode: OpCode.setData,
    path,
    sizeHint: pathSize(path) + data.length + 8,
    write: (writer) => writer.ustring(chroot.toServer(path)).data(data).int(version),
    read: readStat,
  };
}

export function deleteRequest(chroot: Chroot, path: string, version: number): Request<void> {
  return {
    op: 'delete',
    opcode: OpCode.delete,
    path,
    sizeHint: pathSize(path) + 4,
    write: (writer) => writer.ustring(chroot.toServer(path)).int(version),
    read: () => undefined,
  };
}

export function setAclRequest(
  chroot: Chroot,
  path: string,
  acl: readonly ZkAcl[],
  version: number,
): Request<ZkStat> {
  return {
    op: 'setACL',
    opcode: OpCode.setACL,
    path,
    sizeHint: pathSize(path) + acl.length * 64 + 8,
    write: (writer) => writer.ustring(chroot.toServer(path)).vector(acl, writeAcl).int(version),
    read: readStat,
  };
}

export function whoAmIRequest(): Request<ZkClientInfo[]> {
  return {
    op: 'whoAmI',
    opcode: OpCode.whoAmI,
    path: null,
    sizeHint: 0,
    write: () => undefined,
    read: (reader) => reader.vector(readClientInfo, 8),
  };
}

export function addWatchRequest(chroot: Chroot, path: string, mode: number): Request<void> {
  return {
    op: 'addWatch',
    opcode: OpCode.addWatch,
    path,
    sizeHint: pathSize(path) + 4,
    write: (writer) => writer.ustring(chroot.toServer(path)).int(mode),
    read: () => undefined,
  };
}

export function removeWatchesRequest(chroot: Chroot, path: string, type: number): Request<void> {
  return {
    op: 'removeWatches',
    opcode: OpCode.removeWatches,
    path,
    sizeHint: pathSize(path) + 4,
    write: (writer) => writer.ustring(chroot.toServer(path)).int(type),
    read: () => undefined,
  };
}

/** The whole set of watches to restore, by kind, as server paths. */
export interface WatchSet {
  data: string[];
  exist: string[];
  child: string[];
  persistent: string[];
  persistentRecursive: string[];
}

/** SetWatches2 (or SetWatches when no persistent watch is in it, which pre-3.6 servers understand). */
export function setWatchesRequest(relativeZxid: bigint, set: WatchSet): Request<void> {
  const persistent = set.persistent.length > 0 || set.persistentRecursive.length > 0;
  return {
    op: 'setWatches',
    opcode: persistent ? OpCode.setWatches2 : OpCode.setWatches,
    path: null,
    sizeHint: 1024,
    write: (writer) => {
      writer.long(relativeZxid).stringVector(set.data).stringVector(set.exist).stringVector(set.child);
      if (persistent) writer.stringVector(set.persistent).stringVector(set.persistentRecursive);
    },
    read: () => undefined,
  };
}
