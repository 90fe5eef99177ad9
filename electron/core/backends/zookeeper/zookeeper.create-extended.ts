import type { Client } from 'node-zookeeper-client';
import { callZk, type CallContext } from './zookeeper.call.js';
import { managerOf, type WireHeader, type WirePayload, type WireRequest } from './zookeeper.internals.js';

/**
 * CONTAINER and TTL nodes (ZooKeeper 3.5.3+) are not in node-zookeeper-client 1.1.x. Their requests are
 * plain jute records, so this file serializes them itself and hands them to the library's private request
 * queue (ConnectionManager.queue), which assigns the xid, applies the chroot, sends them in order with
 * everything else and matches the reply. The library chooses the reply decoder from `header.type`, so the
 * header reports CREATE (whose CreateResponse reads the leading path of the server's Create2Response and
 * strips the chroot; the frame length skips the trailing stat) while serialize() writes the real opcode.
 * Everything that depends on the library's internals for this stays in this file.
 */
const OP_CREATE = 1;
const OP_CREATE_CONTAINER = 19;
const OP_CREATE_TTL = 21;
/** CreateMode flags on the wire. */
const FLAG_CONTAINER = 4;
const FLAG_PERSISTENT_WITH_TTL = 5;
const FLAG_PERSISTENT_SEQUENTIAL_WITH_TTL = 6;
/** ZooKeeper keeps TTLs in 40 bits (EphemeralType.TTL). */
export const MAX_TTL_MS = 2 ** 40 - 1;
/** `world:anyone` with all permissions, what the library's plain create uses. */
const OPEN_ACL = { perms: 31, scheme: 'world', id: 'anyone' };

function ustringLength(value: string): number {
  return 4 + Buffer.byteLength(value, 'utf8');
}

function writeUstring(buffer: Buffer, offset: number, value: string): number {
  const length = buffer.write(value, offset + 4, 'utf8');
  buffer.writeInt32BE(length, offset);
  return offset + 4 + length;
}

/** CreateRequest (container) or CreateTTLRequest: path, data, acl, flags[, ttl]. */
class ExtendedCreatePayload implements WirePayload {
  private chroot: string | undefined;

  constructor(
    private readonly path: string,
    private readonly data: Buffer,
    private readonly flags: number,
    private readonly ttlMs: number | null,
  ) {}

  setChrootPath(path: string | undefined): void {
    this.chroot = path;
  }

  private wirePath(): string {
    if (!this.chroot) return this.path;
    return this.path === '/' ? this.chroot : this.chroot + this.path;
  }

  byteLength(): number {
    const acl = 4 + 4 + ustringLength(OPEN_ACL.scheme) + ustringLength(OPEN_ACL.id);
    return ustringLength(this.wirePath()) + 4 + this.data.length + acl + 4 + (this.ttlMs === null ? 0 : 8);
  }

  serialize(buffer: Buffer, offset: number): number {
    let at = writeUstring(buffer, offset, this.wirePath());
    at = buffer.writeInt32BE(this.data.length, at);
    at += this.data.copy(buffer, at);
    at = buffer.writeInt32BE(1, at);
    at = buffer.writeInt32BE(OPEN_ACL.perms, at);
    at = writeUstring(buffer, at, OPEN_ACL.scheme);
    at = writeUstring(buffer, at, OPEN_ACL.id);
    at = buffer.writeInt32BE(this.flags, at);
    if (this.ttlMs !== null) at = buffer.writeBigInt64BE(BigInt(this.ttlMs), at);
    return at - offset;
  }
}

function extendedRequest(opcode: number, payload: ExtendedCreatePayload): WireRequest {
  const header: WireHeader = {
    xid: 0,
    type: OP_CREATE,
    byteLength: () => 8,
    serialize(buffer, offset) {
      buffer.writeInt32BE(this.xid, offset);
      buffer.writeInt32BE(opcode, offset + 4);
      return 8;
    },
  };
  return {
    header,
    payload,
    toBuffer() {
      const size = header.byteLength() + payload.byteLength();
      const buffer = Buffer.alloc(4 + size);
      buffer.writeInt32BE(size, 0);
      const offset = 4 + header.serialize(buffer, 4);
      payload.serialize(buffer, offset);
      return buffer;
    },
  };
}

function send(
  client: Client,
  ctx: CallContext,
  path: string,
  opcode: number,
  payload: ExtendedCreatePayload,
) {
  return callZk<string>(ctx, 'write', 'create', path, (done) =>
    managerOf(client).queue(extendedRequest(opcode, payload), (error, response) =>
      done(error, response?.payload?.path ?? path),
    ),
  );
}

/** Creates a container node (deleted by the server once its last child goes); resolves with its path. */
export function createContainer(
  client: Client,
  ctx: CallContext,
  path: string,
  data: Buffer,
): Promise<string> {
  return send(
    client,
    ctx,
    path,
    OP_CREATE_CONTAINER,
    new ExtendedCreatePayload(path, data, FLAG_CONTAINER, null),
  );
}

/** Creates a persistent node with a TTL (the server must run with extended types enabled). */
export function createTtl(
  client: Client,
  ctx: CallContext,
  path: string,
  data: Buffer,
  ttlMs: number,
  sequential: boolean,
): Promise<string> {
  const flags = sequential ? FLAG_PERSISTENT_SEQUENTIAL_WITH_TTL : FLAG_PERSISTENT_WITH_TTL;
  return send(client, ctx, path, OP_CREATE_TTL, new ExtendedCreatePayload(path, data, flags, ttlMs));
}
