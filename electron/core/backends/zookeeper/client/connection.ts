import type { Socket } from 'node:net';
import {
  codeName,
  ZkCode,
  ZkError,
  ZkProtocolError,
  ZkRequestTooLargeError,
  ZkMultiError,
} from './errors.js';
import { Fifo } from './fifo.js';
import { FrameSplitter } from './frames.js';
import { JuteDecodeError, JuteReader, JuteWriter } from './jute.js';
import { OpCode, Xid } from './protocol.js';
import {
  readConnectResponse,
  readReplyHeader,
  readWatcherEvent,
  writeConnectRequest,
  type ConnectRequest,
  type ConnectResponse,
  type WatcherEventRecord,
} from './records.js';
import type { Request } from './requests.js';
import { socketFailure } from './socket-errors.js';
import type { HostPort } from './transport.js';

/** A ReplyHeader alone: xid, zxid, err. */
const REPLY_HEADER_BYTES = 16;

function refusedSession(label: string, code: number): ZkProtocolError {
  const why =
    code === ZkCode.NOT_READ_ONLY
      ? 'it is read-only and opens only local sessions; enable localSessionsEnabled on the servers'
      : codeName(code) === 'UNKNOWN'
        ? `error code ${code}`
        : codeName(code);
  return new ZkProtocolError(`${label} refused to open a session (${why})`);
}

/** A request written to the socket and waiting for its reply, which comes back in order. */
interface Pending {
  xid: number;
  request: Request<unknown>;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Runs synchronously when the reply arrives, before any later notification is dispatched. */
  onReply?: (code: number) => void;
}

export interface ConnectionEvents {
  /** A watch notification (path as the server sent it) with the zxid of the change when the server tells it. */
  notification(event: WatcherEventRecord, zxid: bigint | null): void;
  /** The zxid of every reply that carries one, for reconnects (lastZxidSeen). */
  zxid(zxid: bigint): void;
  /** The server refused an AuthPacket: the session is unusable (the server closes it). */
  authFailed(code: number): void;
  /** The connection is gone (the error says why); every pending request was failed with CONNECTION_LOSS. */
  lost(error: Error): void;
}

export interface SendOptions {
  /** Xid to use instead of the next number (auth and setWatches use reserved ones). */
  xid?: number;
  onReply?: (code: number) => void;
}

/**
 * One socket to one server, after the session handshake: numbers requests, writes them (coalesced per
 * tick), matches replies in order, answers pings and notices a silent server. It knows nothing of hosts,
 * sessions or watches; the client above it does.
 */
export class Connection {
  private readonly splitter = new FrameSplitter();
  private readonly pending = new Fifo<Pending>();
  /** Auth packets are answered as soon as the server reads them, out of order with requests: their own queue. */
  private readonly authPending = new Fifo<{ resolve(): void; reject(error: Error): void }>();
  private outgoing: Buffer[] = [];
  private flushScheduled = false;
  private nextXid = 1;
  private lastSentAt = Date.now();
  private lastReceivedAt = Date.now();
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;
  private events: ConnectionEvents | null = null;

  private constructor(
    private readonly socket: Socket,
    readonly server: HostPort,
    readonly response: ConnectResponse,
    private readonly maxRequestBytes: number,
    /** Frames that came right behind the connect response (none in practice); start() reads them first. */
    private readonly early: Buffer[],
  ) {}

  /**
   * Sends the ConnectRequest on an open socket and resolves with the connection once the server
   * answered (an expired session is an answer: `response.timeoutMs <= 0`).
   */
  static handshake(
    socket: Socket,
    server: HostPort,
    request: ConnectRequest,
    timeoutMs: number,
    maxRequestBytes: number,
  ): Promise<Connection> {
    return new Promise<Connection>((resolve, reject) => {
      const label = `${server.host}:${server.port}`;
      const splitter = new FrameSplitter(64 * 1024);
      const done = (error: Error | null, response?: ConnectResponse, rest?: Buffer[]): void => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('close', onClose);
        if (error !== null) {
          socket.destroy();
          reject(error);
          return;
        }
        // Nothing may be read (and lost) until start() listens.
        socket.pause();
        resolve(new Connection(socket, server, response!, maxRequestBytes, rest ?? []));
      };
      const timer = setTimeout(
        () =>
          done(new ZkProtocolError(`${label} did not answer the session handshake within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer): void => {
        let frames: Buffer[];
        try {
          frames = splitter.push(chunk);
        } catch (error) {
          done(new ZkProtocolError(`${label} is not a ZooKeeper server: ${(error as Error).message}`));
          return;
        }
        if (frames.length === 0) return;
        const first = frames[0]!;
        if (first.length === REPLY_HEADER_BYTES) {
          // A server that will not open the session answers with an error reply instead.
          done(refusedSession(label, readReplyHeader(new JuteReader(first)).err));
          return;
        }
        try {
          done(null, readConnectResponse(new JuteReader(first)), frames.slice(1));
        } catch (error) {
          done(
            new ZkProtocolError(
              `${label} sent a session answer that is not ZooKeeper's: ${(error as Error).message}`,
            ),
          );
        }
      };
      const onError = (error: NodeJS.ErrnoException): void =>
        done(socketFailure(label, error, 'encrypted' in socket));
      const onClose = (): void =>
        done(
          new ZkProtocolError(
            splitter.pendingBytes > 0
              ? `${label} closed the connection in the middle of its session answer`
              : `${label} closed the connection during the session handshake (too many connections from this address, a TLS port spoken to in plain text, or a server that is not ready)`,
          ),
        );
      socket.on('data', onData);
      socket.once('error', onError);
      socket.once('close', onClose);
      const writer = new JuteWriter(64, 4);
      writeConnectRequest(writer, request);
      socket.write(writer.frame());
    });
  }

  /** Starts reading replies and pinging; `pingEveryMs` is a third of the negotiated session timeout. */
  start(events: ConnectionEvents, pingEveryMs: number, readTimeoutMs: number): void {
    this.events = events;
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error: NodeJS.ErrnoException) =>
      this.lose(socketFailure(this.label, error, 'encrypted' in this.socket)),
    );
    this.socket.on('close', () => this.lose(new ZkProtocolError(`${this.label} closed the connection`)));
    this.socket.resume();
    this.lastReceivedAt = Date.now();
    this.heartbeat = setInterval(
      () => this.tick(pingEveryMs, readTimeoutMs),
      Math.max(50, Math.floor(pingEveryMs / 2)),
    );
    this.heartbeat.unref();
    for (const frame of this.early) this.onFrame(frame);
  }

  get label(): string {
    return `${this.server.host}:${this.server.port}`;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Requests written and not yet answered. */
  get inFlight(): number {
    return this.pending.length;
  }

  private tick(pingEveryMs: number, readTimeoutMs: number): void {
    const now = Date.now();
    if (now - this.lastReceivedAt > readTimeoutMs) {
      this.lose(new ZkProtocolError(`${this.label} sent nothing for ${now - this.lastReceivedAt} ms`));
      return;
    }
    if (now - this.lastSentAt >= pingEveryMs) this.writeFrame(Xid.ping, OpCode.ping);
  }

  /**
   * Sends one request; the promise settles with its reply. Rejects with ZkRequestTooLargeError, before
   * anything is written, when the frame would pass the server's limit.
   */
  send<T>(request: Request<T>, options: SendOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new ZkError(ZkCode.CONNECTION_LOSS, request.op, request.path));
    const xid = options.xid ?? this.takeXid();
    let frame: Buffer;
    try {
      frame = this.encode(xid, request);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        xid,
        request,
        resolve: resolve as (value: unknown) => void,
        reject,
        onReply: options.onReply,
      });
      this.enqueue(frame);
    });
  }

  private takeXid(): number {
    const xid = this.nextXid;
    this.nextXid = xid >= 0x7fffffff ? 1 : xid + 1;
    return xid;
  }

  private encode(xid: number, request: Request<unknown>): Buffer {
    const writer = new JuteWriter(request.sizeHint + 16, 4);
    writer.int(xid).int(request.opcode);
    request.write(writer);
    const bytes = writer.length - 4;
    if (bytes > this.maxRequestBytes) {
      throw new ZkRequestTooLargeError(request.op, request.path, bytes, this.maxRequestBytes);
    }
    return writer.frame();
  }

  /** Sends an AuthPacket; settles with the server's answer to it. */
  sendAuth(scheme: string, auth: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new ZkError(ZkCode.CONNECTION_LOSS, 'addAuth', null));
    const writer = new JuteWriter(32 + scheme.length + auth.length, 4);
    writer.int(Xid.auth).int(OpCode.auth).int(0).ustring(scheme).data(auth);
    return new Promise<void>((resolve, reject) => {
      this.authPending.push({ resolve, reject });
      this.enqueue(writer.frame());
    });
  }

  /** A frame that expects no numbered reply (ping). */
  private writeFrame(xid: number, opcode: number): void {
    const writer = new JuteWriter(16, 4);
    writer.int(xid).int(opcode);
    this.enqueue(writer.frame());
  }

  private enqueue(frame: Buffer): void {
    this.outgoing.push(frame);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Requests made in one tick (a pipelined listing fires hundreds) leave in one write.
    process.nextTick(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.outgoing.length === 0) return;
    const frames = this.outgoing;
    this.outgoing = [];
    this.lastSentAt = Date.now();
    this.socket.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
  }

  private onData(chunk: Buffer): void {
    this.lastReceivedAt = Date.now();
    let frames: Buffer[];
    try {
      frames = this.splitter.push(chunk);
    } catch (error) {
      this.lose(new ZkProtocolError(`${this.label}: ${(error as Error).message}`));
      return;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const reader = new JuteReader(frame);
    let header;
    try {
      header = readReplyHeader(reader);
    } catch (error) {
      this.lose(
        new ZkProtocolError(`${this.label} sent a reply without a header: ${(error as Error).message}`),
      );
      return;
    }
    if (header.zxid > 0n) this.events?.zxid(header.zxid);
    if (header.xid === Xid.ping) return;
    if (header.xid === Xid.auth) {
      const auth = this.authPending.shift();
      if (header.err === ZkCode.OK) auth?.resolve();
      else auth?.reject(new ZkError(header.err, 'addAuth', null));
      if (header.err !== ZkCode.OK) this.events?.authFailed(header.err);
      return;
    }
    if (header.xid === Xid.notification) {
      try {
        this.events?.notification(readWatcherEvent(reader), header.zxid > 0n ? header.zxid : null);
      } catch (error) {
        if (!(error instanceof JuteDecodeError)) throw error;
        this.lose(
          new ZkProtocolError(`${this.label} sent a notification that does not decode: ${error.message}`),
        );
      }
      return;
    }
    const pending = this.pending.shift();
    if (pending === undefined || pending.xid !== header.xid) {
      if (pending !== undefined) this.pending.push(pending);
      this.lose(
        new ZkProtocolError(
          `${this.label} answered request ${header.xid} while ${pending?.xid ?? 'none'} was expected`,
        ),
      );
      return;
    }
    pending.onReply?.(header.err);
    if (header.err !== ZkCode.OK) {
      pending.reject(new ZkError(header.err, pending.request.op, pending.request.path));
      return;
    }
    try {
      pending.resolve(pending.request.read(reader));
    } catch (error) {
      if (error instanceof ZkMultiError) pending.reject(error);
      else
        pending.reject(
          new ZkProtocolError(
            `${this.label} sent a ${pending.request.op} answer that does not decode: ${(error as Error).message}`,
          ),
        );
    }
  }

  /** Drops the connection: pending requests fail with CONNECTION_LOSS, `lost` is told once. */
  lose(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.socket.destroy();
    this.outgoing = [];
    for (const auth of this.authPending.drain())
      auth.reject(new ZkError(ZkCode.CONNECTION_LOSS, 'addAuth', null));
    for (const pending of this.pending.drain()) {
      pending.onReply?.(ZkCode.CONNECTION_LOSS);
      pending.reject(
        new ZkError(ZkCode.CONNECTION_LOSS, pending.request.op, pending.request.path, error.message),
      );
    }
    this.events?.lost(error);
  }

  /** Ends the session on the server (its ephemeral nodes go) and then the socket; settles within `graceMs`. */
  async closeSession(graceMs: number, request: Request<void>): Promise<void> {
    if (this.closed) return;
    const answered = this.send(request).catch(() => undefined);
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.lose(new ZkProtocolError('closed'));
  }
}
