import type { JuteReader, JuteWriter } from './jute.js';

/** A znode's stat. zxids and the owner session are 64-bit; times are milliseconds since the epoch. */
export interface ZkStat {
  czxid: bigint;
  mzxid: bigint;
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
  /** The owning session of an ephemeral node, 0n otherwise. */
  ephemeralOwner: bigint;
  dataLength: number;
  numChildren: number;
  pzxid: bigint;
}

export interface ZkId {
  scheme: string;
  id: string;
}

export interface ZkAcl {
  /** Bit mask of Perm. */
  perms: number;
  id: ZkId;
}

/** `world:anyone` with every permission: what a create without an ACL uses. */
export const OPEN_ACL: readonly ZkAcl[] = [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }];

/** One identity the server has for this session (whoAmI). */
export interface ZkClientInfo {
  authScheme: string;
  user: string;
}

/** A Stat is 68 bytes on the wire. */
export const STAT_BYTES = 68;

export function readStat(reader: JuteReader): ZkStat {
  return {
    czxid: reader.long(),
    mzxid: reader.long(),
    ctime: reader.longAsNumber(),
    mtime: reader.longAsNumber(),
    version: reader.int(),
    cversion: reader.int(),
    aversion: reader.int(),
    ephemeralOwner: reader.long(),
    dataLength: reader.int(),
    numChildren: reader.int(),
    pzxid: reader.long(),
  };
}

export function readAcl(reader: JuteReader): ZkAcl {
  const perms = reader.int();
  return { perms, id: { scheme: reader.string(), id: reader.string() } };
}

export function writeAcl(writer: JuteWriter, acl: ZkAcl): void {
  writer.int(acl.perms).ustring(acl.id.scheme).ustring(acl.id.id);
}

export function readClientInfo(reader: JuteReader): ZkClientInfo {
  return { authScheme: reader.string(), user: reader.string() };
}

/** ConnectRequest: sent first on every connection, framed but without a request header. */
export interface ConnectRequest {
  lastZxidSeen: bigint;
  timeoutMs: number;
  sessionId: bigint;
  password: Buffer;
  readOnly: boolean;
}

export function writeConnectRequest(writer: JuteWriter, request: ConnectRequest): void {
  writer
    .int(0)
    .long(request.lastZxidSeen)
    .int(request.timeoutMs)
    .long(request.sessionId)
    .data(request.password)
    .bool(request.readOnly);
}

export interface ConnectResponse {
  /** 0 or less: the session expired. */
  timeoutMs: number;
  sessionId: bigint;
  password: Buffer;
  readOnly: boolean;
}

/** Servers before 3.4 do not send the readOnly byte. */
export function readConnectResponse(reader: JuteReader): ConnectResponse {
  reader.int();
  const timeoutMs = reader.int();
  const sessionId = reader.long();
  const password = reader.data() ?? Buffer.alloc(0);
  const readOnly = reader.remaining > 0 ? reader.bool() : false;
  return { timeoutMs, sessionId, password, readOnly };
}

/** The header of every reply after the connect response. */
export interface ReplyHeader {
  xid: number;
  zxid: bigint;
  err: number;
}

export function readReplyHeader(reader: JuteReader): ReplyHeader {
  return { xid: reader.int(), zxid: reader.long(), err: reader.int() };
}

/** WatcherEvent, the body of a notification (xid -1). */
export interface WatcherEventRecord {
  type: number;
  state: number;
  path: string;
}

export function readWatcherEvent(reader: JuteReader): WatcherEventRecord {
  return { type: reader.int(), state: reader.int(), path: reader.string() };
}
