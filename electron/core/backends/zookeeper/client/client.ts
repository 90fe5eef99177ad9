import { Chroot } from './chroot.js';
import { Connection, type SendOptions } from './connection.js';
import { ZkClosedError, ZkCode, ZkError } from './errors.js';
import {
  multiReadRequest,
  multiRequest,
  type MultiOp,
  type MultiResult,
  type ReadOp,
  type ReadResult,
} from './multi.js';
import {
  AddWatchMode,
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_TTL_MS,
  OpCode,
  SET_WATCHES_MAX_BYTES,
  WatcherType,
  Xid,
} from './protocol.js';
import { OPEN_ACL, type ZkAcl, type ZkClientInfo, type ZkStat } from './records.js';
import {
  addWatchRequest,
  createRequest,
  deleteRequest,
  existsRequest,
  getAclRequest,
  getAllChildrenNumberRequest,
  getChildrenRequest,
  getDataRequest,
  getEphemeralsRequest,
  isTtlMode,
  removeWatchesRequest,
  setAclRequest,
  setDataRequest,
  setWatchesRequest,
  syncRequest,
  whoAmIRequest,
  type CreateOptions,
  type Created,
  type Request,
} from './requests.js';
import { openTransport, type HostPort, type ZkTlsOptions } from './transport.js';
import { eventTypeName, splitWatchSet, WatchManager, type WatchKind, type ZkWatcher } from './watches.js';
import { checkPath } from './paths.js';

export type ZkState =
  /** Looking for a server (first connect, or after a loss while the session may still live). */
  | 'connecting'
  | 'connected'
  /** Connected to a server that lost its quorum and serves reads only (canBeReadOnly). */
  | 'connectedReadOnly'
  /** The connection was lost; the same session is being re-established on any server. */
  | 'disconnected'
  /** The server said the session expired: its ephemeral nodes are gone. A new one follows when renewing. */
  | 'expired'
  /** The server refused the credentials; terminal. */
  | 'authFailed'
  | 'closed';

export type ZkStateListener = (state: ZkState, detail: string | null) => void;

export interface ZkClientOptions {
  hosts: readonly HostPort[];
  /** A subtree the client sees as `/`. */
  chroot?: string | null;
  /** Asked of the server, which may shorten or lengthen it to its min/max. Default 30 s. */
  sessionTimeoutMs?: number;
  tls?: ZkTlsOptions | null;
  /** Accept servers that lost their quorum and serve reads only. */
  canBeReadOnly?: boolean;
  /** Sent on every connection before anything else (`digest` with `user:password`). */
  auth?: ReadonlyArray<{ scheme: string; auth: Buffer }>;
  /** The server's jute.maxbuffer: larger requests are refused before sending. Default 1 MiB - 1. */
  maxRequestBytes?: number;
  /** After an expiry, open a new session and re-register every watch on it (default true). */
  renewExpiredSession?: boolean;
  /** How long a call made while no server is connected waits for one. Default: the session timeout. */
  queueTimeoutMs?: number;
  /** The order hosts are tried in is shuffled with this (tests pass a fixed one). */
  random?: () => number;
}

export interface ZkWatchOption {
  /** A one-shot watch: called once with the next event for this path. */
  watch?: ZkWatcher;
}

export type RemoveWatchType = keyof typeof WatcherType;

/** A call waiting for a connection. */
interface Waiting {
  request: Request<unknown>;
  options: SendOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const WATCH_KINDS_OF: Record<RemoveWatchType, WatchKind[]> = {
  children: ['child'],
  data: ['data', 'exist'],
  any: ['data', 'exist', 'child', 'persistent', 'persistentRecursive'],
  persistent: ['persistent'],
  persistentRecursive: ['persistentRecursive'],
};

const REMOVED_EVENT: Record<WatchKind, 'dataWatchRemoved' | 'childWatchRemoved' | 'persistentWatchRemoved'> =
  {
    data: 'dataWatchRemoved',
    exist: 'dataWatchRemoved',
    child: 'childWatchRemoved',
    persistent: 'persistentWatchRemoved',
    persistentRecursive: 'persistentWatchRemoved',
  };

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A ZooKeeper client: one session over one connection at a time, moved to another server of the
 * ensemble when the connection is lost, with one-shot and persistent watches that survive reconnects.
 * Calls return promises; every server error code rejects with a ZkError carrying it.
 */
export class ZkClient {
  private readonly chroot: Chroot;
  private readonly hosts: HostPort[];
  private readonly options: Required<
    Omit<ZkClientOptions, 'chroot' | 'tls' | 'auth' | 'hosts' | 'random'>
  > & {
    tls: ZkTlsOptions | null;
  };
  private readonly auth: Array<{ scheme: string; auth: Buffer }>;
  private readonly watches = new WatchManager();
  private readonly listeners = new Set<ZkStateListener>();
  /** Told of every failed connect attempt (for `connected({ failAfterRound })`). */
  private readonly attemptListeners = new Set<(error: Error) => void>();
  private readonly waiting: Waiting[] = [];
  private current: ZkState = 'connecting';
  private connection: Connection | null = null;
  private hostIndex = 0;
  private sessionIdValue = 0n;
  private password: Buffer = Buffer.alloc(16);
  private negotiatedMs = 0;
  private lastZxidValue = 0n;
  private seenReadWrite = false;
  private lastErrorValue: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(options: ZkClientOptions) {
    if (options.hosts.length === 0) throw new Error('A ZooKeeper client needs at least one host.');
    const chroot = options.chroot ?? null;
    if (chroot !== null && chroot !== '/') checkPath(chroot, 'chroot');
    this.chroot = new Chroot(chroot === '/' ? null : chroot);
    this.hosts = shuffled(options.hosts, options.random ?? Math.random);
    const sessionTimeoutMs = options.sessionTimeoutMs ?? 30_000;
    this.options = {
      sessionTimeoutMs,
      canBeReadOnly: options.canBeReadOnly ?? false,
      maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
      renewExpiredSession: options.renewExpiredSession ?? true,
      queueTimeoutMs: options.queueTimeoutMs ?? sessionTimeoutMs,
      tls: options.tls ?? null,
    };
    this.auth = [...(options.auth ?? [])];
    void this.run();
  }

  // ---- state ---------------------------------------------------------------------------------------

  get state(): ZkState {
    return this.current;
  }

  /** The session id (0n before the first session). */
  get sessionId(): bigint {
    return this.sessionIdValue;
  }

  get sessionTimeoutMs(): number {
    return this.negotiatedMs;
  }

  /** The server this client is connected to, or null. */
  get server(): HostPort | null {
    return this.connection?.isOpen ? this.connection.server : null;
  }

  get lastZxid(): bigint {
    return this.lastZxidValue;
  }

  /** Why the last connect attempt or connection failed (null before any failure). */
  get lastError(): Error | null {
    return this.lastErrorValue;
  }

  /** Watched paths by kind, as this session registered them with the server. */
  watchCounts(): Record<WatchKind, number> {
    return this.watches.counts();
  }

  /** Calls the listener on every state change until the returned function is called. */
  onState(listener: ZkStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once connected (read-only counts when allowed). Rejects on a terminal state; after
   * `timeoutMs` with the last connection error; and with `failAfterRound`, as soon as every host failed
   * one attempt (a first connect that should say "refused" at once rather than retry until a deadline).
   */
  connected(options: { timeoutMs?: number; failAfterRound?: boolean } = {}): Promise<void> {
    if (this.isConnected()) return Promise.resolve();
    if (this.isTerminal()) return Promise.reject(this.terminalError());
    return new Promise<void>((resolve, reject) => {
      let failures = 0;
      const finish = (error: Error | null): void => {
        if (timer !== null) clearTimeout(timer);
        stopState();
        this.attemptListeners.delete(onAttemptFailed);
        if (error === null) resolve();
        else reject(error);
      };
      const timer =
        options.timeoutMs === undefined
          ? null
          : setTimeout(
              () =>
                finish(
                  this.lastErrorValue ??
                    new ZkError(
                      ZkCode.CONNECTION_LOSS,
                      'connect',
                      null,
                      `no server answered within ${options.timeoutMs} ms`,
                    ),
                ),
              options.timeoutMs,
            );
      const onAttemptFailed = (error: Error): void => {
        failures++;
        if (options.failAfterRound === true && failures >= this.hosts.length) finish(error);
      };
      this.attemptListeners.add(onAttemptFailed);
      const stopState = this.onState((state) => {
        if (state === 'connected' || state === 'connectedReadOnly') finish(null);
        else if (state === 'authFailed' || state === 'closed') finish(this.terminalError());
      });
    });
  }

  private isConnected(): boolean {
    return this.current === 'connected' || this.current === 'connectedReadOnly';
  }

  private setState(state: ZkState, detail: string | null = null): void {
    if (state === this.current && detail === null) return;
    this.current = state;
    for (const listener of [...this.listeners]) {
      try {
        listener(state, detail);
      } catch {
        // A failing listener must not stop the others or the connection loop.
      }
    }
  }

  private terminalError(): Error {
    if (this.current === 'authFailed') return new ZkError(ZkCode.AUTH_FAILED, 'connect', null);
    return new ZkClosedError('The ZooKeeper client is closed.');
  }

  private isTerminal(): boolean {
    return this.current === 'closed' || this.current === 'authFailed';
  }

  // ---- the connection loop -------------------------------------------------------------------------

  private nextHost(): HostPort {
    const host = this.hosts[this.hostIndex % this.hosts.length]!;
    this.hostIndex = (this.hostIndex + 1) % this.hosts.length;
    return host;
  }

  /** Keeps one connection open until closed: tries the hosts in turn, pausing after each full round. */
  private async run(): Promise<void> {
    let failedInRound = 0;
    while (!this.isTerminal()) {
      const connection = await this.attempt(this.nextHost());
      if (this.isTerminal()) {
        connection?.lose(new Error('closed'));
        return;
      }
      if (connection === null) {
        failedInRound++;
        if (failedInRound >= this.hosts.length) {
          failedInRound = 0;
          await sleep(200 + Math.floor(Math.random() * 800));
        }
        continue;
      }
      failedInRound = 0;
      const response = connection.response;
      if (response.timeoutMs <= 0) {
        connection.lose(new Error('expired'));
        this.onExpired();
        continue;
      }
      await this.serve(connection);
    }
  }

  private connectTimeoutMs(): number {
    const timeout = this.negotiatedMs > 0 ? this.negotiatedMs : this.options.sessionTimeoutMs;
    return Math.max(1000, Math.floor(timeout / this.hosts.length));
  }

  private async attempt(host: HostPort): Promise<Connection | null> {
    try {
      const socket = await openTransport(host, this.options.tls, this.connectTimeoutMs());
      return await Connection.handshake(
        socket,
        host,
        {
          lastZxidSeen: this.lastZxidValue,
          timeoutMs: this.options.sessionTimeoutMs,
          sessionId: this.seenReadWrite ? this.sessionIdValue : 0n,
          password: this.password,
          readOnly: this.options.canBeReadOnly,
        },
        this.connectTimeoutMs(),
        this.options.maxRequestBytes,
      );
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.lastErrorValue = failure;
      for (const listener of [...this.attemptListeners]) listener(failure);
      return null;
    }
  }

  private onExpired(): void {
    const id = `0x${this.sessionIdValue.toString(16)}`;
    this.sessionIdValue = 0n;
    this.password = Buffer.alloc(16);
    this.seenReadWrite = false;
    this.negotiatedMs = 0;
    this.failWaiting(new ZkError(ZkCode.SESSION_EXPIRED, 'connect', null));
    this.lastErrorValue = new ZkError(ZkCode.SESSION_EXPIRED, 'connect', null, `session ${id}`);
    this.setState('expired', `session ${id} expired`);
    if (!this.options.renewExpiredSession) this.setState('closed', `session ${id} expired`);
    else this.setState('connecting', null);
  }

  /** Runs one established connection until it is lost. */
  private serve(connection: Connection): Promise<void> {
    const response = connection.response;
    const renewed = this.sessionIdValue !== 0n && this.sessionIdValue !== response.sessionId;
    this.sessionIdValue = response.sessionId;
    this.password = response.password;
    this.negotiatedMs = response.timeoutMs;
    this.seenReadWrite ||= !response.readOnly;
    this.connection = connection;
    return new Promise<void>((resolve) => {
      connection.start(
        {
          notification: (event, zxid) => this.onNotification(event.type, event.path, zxid),
          zxid: (zxid) => {
            if (zxid > this.lastZxidValue) this.lastZxidValue = zxid;
          },
          authFailed: () => {
            this.lastErrorValue = new ZkError(ZkCode.AUTH_FAILED, 'addAuth', null);
            this.setState('authFailed', 'the server refused the credentials');
            connection.lose(this.lastErrorValue);
          },
          lost: (error) => {
            if (this.connection === connection) this.connection = null;
            this.lastErrorValue = error;
            if (!this.isTerminal()) this.setState('disconnected', error.message);
            resolve();
          },
        },
        Math.floor(response.timeoutMs / 3),
        Math.floor((response.timeoutMs * 2) / 3),
      );
      // Credentials first, then the watches, then what waited: the server reads them in this order.
      for (const { scheme, auth } of this.auth) connection.sendAuth(scheme, auth).catch(() => undefined);
      this.restoreWatches(connection);
      this.setState(response.readOnly ? 'connectedReadOnly' : 'connected', renewed ? 'a new session' : null);
      for (const waiting of this.waiting.splice(0)) {
        clearTimeout(waiting.timer);
        connection.send(waiting.request, waiting.options).then(waiting.resolve, waiting.reject);
      }
    });
  }

  private restoreWatches(connection: Connection): void {
    if (this.watches.isEmpty()) return;
    const batches = splitWatchSet(this.watches.watchSet(this.chroot), SET_WATCHES_MAX_BYTES);
    for (const batch of batches) {
      connection
        .send(setWatchesRequest(this.lastZxidValue, batch), { xid: Xid.setWatches })
        .catch(() => undefined);
    }
  }

  private onNotification(type: number, serverPath: string, zxid: bigint | null): void {
    const name = eventTypeName(type);
    if (name === null || !this.chroot.contains(serverPath)) return;
    const path = this.chroot.fromServer(serverPath);
    for (const watcher of this.watches.take(name, path)) {
      try {
        watcher({ type: name, path, zxid });
      } catch {
        // One failing watcher must not keep the others from their event.
      }
    }
  }

  private failWaiting(error: Error): void {
    for (const waiting of this.waiting.splice(0)) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
  }

  // ---- sending -------------------------------------------------------------------------------------

  private send<T>(request: Request<T>, options: SendOptions = {}): Promise<T> {
    if (this.isTerminal()) return Promise.reject(this.terminalError());
    const connection = this.connection;
    if (connection !== null && connection.isOpen && this.isConnected())
      return connection.send(request, options);
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        request,
        options,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiting);
          if (index !== -1) this.waiting.splice(index, 1);
          options.onReply?.(ZkCode.CONNECTION_LOSS);
          reject(
            new ZkError(
              ZkCode.CONNECTION_LOSS,
              request.op,
              request.path,
              `not connected within ${this.options.queueTimeoutMs} ms${this.lastErrorValue ? `: ${this.lastErrorValue.message}` : ''}`,
            ),
          );
        }, this.options.queueTimeoutMs),
      };
      this.waiting.push(waiting);
    });
  }

  private path(path: string, op: string): string {
    checkPath(path, op);
    return path;
  }

  /** Registers a one-shot watch when the reply says it was set on the server. */
  private watchOn(
    kind: WatchKind,
    path: string,
    watcher: ZkWatcher | undefined,
    existKindOnNoNode = false,
  ): SendOptions {
    if (watcher === undefined) return {};
    return {
      onReply: (code) => {
        if (code === ZkCode.OK) this.watches.add(kind, path, watcher);
        else if (existKindOnNoNode && code === ZkCode.NO_NODE) this.watches.add('exist', path, watcher);
      },
    };
  }

  // ---- operations ----------------------------------------------------------------------------------

  /** Creates a node in any mode (create2, createContainer or createTTL on the wire) with its stat. */
  create(path: string, data: Buffer, options: CreateOptions = {}): Promise<Created> {
    const mode = options.mode ?? 'persistent';
    if (isTtlMode(mode) !== (options.ttlMs !== undefined)) {
      return Promise.reject(
        new ZkError(ZkCode.BAD_ARGUMENTS, 'create', path, 'a TTL goes with, and only with, a TTL mode'),
      );
    }
    if (
      options.ttlMs !== undefined &&
      (!Number.isInteger(options.ttlMs) || options.ttlMs < 1 || options.ttlMs > MAX_TTL_MS)
    ) {
      return Promise.reject(
        new ZkError(ZkCode.BAD_ARGUMENTS, 'create', path, `a TTL is 1 to ${MAX_TTL_MS} ms`),
      );
    }
    return this.guard(() =>
      this.send(
        createRequest(
          this.chroot,
          this.path(path, 'create'),
          data,
          mode,
          options.acl ?? OPEN_ACL,
          options.ttlMs,
        ),
      ),
    );
  }

  getData(path: string, options: ZkWatchOption = {}): Promise<{ data: Buffer; stat: ZkStat }> {
    return this.guard(() =>
      this.send(
        getDataRequest(this.chroot, this.path(path, 'getData'), options.watch !== undefined),
        this.watchOn('data', path, options.watch),
      ),
    );
  }

  /** The stat, or null when there is no node; a watch set on a missing node reports its creation. */
  exists(path: string, options: ZkWatchOption = {}): Promise<ZkStat | null> {
    return this.guard(() =>
      this.send(
        existsRequest(this.chroot, this.path(path, 'exists'), options.watch !== undefined),
        this.watchOn('data', path, options.watch, true),
      ),
    ).catch((error: unknown) => {
      if (error instanceof ZkError && error.code === ZkCode.NO_NODE) return null;
      throw error;
    });
  }

  /** Child names (in the server's order) and the node's stat (getChildren2). */
  getChildren(path: string, options: ZkWatchOption = {}): Promise<{ children: string[]; stat: ZkStat }> {
    return this.guard(() =>
      this.send(
        getChildrenRequest(this.chroot, this.path(path, 'getChildren'), options.watch !== undefined),
        this.watchOn('child', path, options.watch),
      ),
    );
  }

  /** Number of nodes below `path`, at every depth (3.6+). */
  getAllChildrenNumber(path: string): Promise<number> {
    return this.guard(() =>
      this.send(getAllChildrenNumberRequest(this.chroot, this.path(path, 'getAllChildrenNumber'))),
    );
  }

  /** Writes the value when the node is at `version` (-1: any version, 0: version 0). */
  setData(path: string, data: Buffer, version = -1): Promise<ZkStat> {
    return this.guard(() =>
      this.send(setDataRequest(this.chroot, this.path(path, 'setData'), data, version)),
    );
  }

  delete(path: string, version = -1): Promise<void> {
    return this.guard(() => this.send(deleteRequest(this.chroot, this.path(path, 'delete'), version)));
  }

  /** All ops or none; rejects with a ZkMultiError naming the op that failed. */
  multi(ops: readonly MultiOp[]): Promise<MultiResult[]> {
    if (ops.length === 0) return Promise.resolve([]);
    return this.guard(() => {
      for (const op of ops) this.path(op.path, 'multi');
      return this.send(multiRequest(this.chroot, ops));
    });
  }

  /** Several reads answered at once, each on its own (3.6+). */
  multiRead(ops: readonly ReadOp[]): Promise<ReadResult[]> {
    if (ops.length === 0) return Promise.resolve([]);
    return this.guard(() => {
      for (const op of ops) this.path(op.path, 'multiRead');
      return this.send(multiReadRequest(this.chroot, ops));
    });
  }

  /** Makes the connected server catch up with the leader for `path` before later reads. */
  sync(path: string): Promise<string> {
    return this.guard(() => this.send(syncRequest(this.chroot, this.path(path, 'sync'))));
  }

  getACL(path: string): Promise<{ acl: ZkAcl[]; stat: ZkStat }> {
    return this.guard(() => this.send(getAclRequest(this.chroot, this.path(path, 'getACL'))));
  }

  /** Replaces the ACL when it is at `aclVersion` (the stat's aversion; -1: any). */
  setACL(path: string, acl: readonly ZkAcl[], aclVersion = -1): Promise<ZkStat> {
    return this.guard(() =>
      this.send(setAclRequest(this.chroot, this.path(path, 'setACL'), acl, aclVersion)),
    );
  }

  /** The identities the server holds for this session (3.7+). */
  whoAmI(): Promise<ZkClientInfo[]> {
    return this.send(whoAmIRequest());
  }

  /** This session's ephemeral nodes whose path starts with `prefix` (3.6+). */
  getEphemerals(prefix = '/'): Promise<string[]> {
    return this.guard(() => this.send(getEphemeralsRequest(this.chroot, this.path(prefix, 'getEphemerals'))));
  }

  /** The ensemble's dynamic configuration (`/zookeeper/config`, outside any chroot). */
  getConfig(): Promise<{ data: Buffer; stat: ZkStat }> {
    return this.send(getDataRequest(new Chroot(null), '/zookeeper/config', false));
  }

  /**
   * A persistent watch (3.6+) that stays until removed: on the node only, or (recursive) on the node and
   * every node below it. Re-registered on every reconnect.
   */
  addWatch(path: string, mode: 'persistent' | 'persistentRecursive', watcher: ZkWatcher): Promise<void> {
    return this.guard(() =>
      this.send(addWatchRequest(this.chroot, this.path(path, 'addWatch'), AddWatchMode[mode]), {
        onReply: (code) => {
          if (code === ZkCode.OK) this.watches.add(mode, path, watcher);
        },
      }),
    );
  }

  /**
   * Removes watches of a type on a path: only `watcher`'s when given and other functions still share the
   * server watch (nothing is sent then), otherwise the server's too. Removed functions get a *Removed event.
   */
  async removeWatches(path: string, type: RemoveWatchType, watcher?: ZkWatcher): Promise<void> {
    this.path(path, 'removeWatches');
    const kinds = WATCH_KINDS_OF[type].filter((kind) => this.watches.has(kind, path));
    if (kinds.length === 0) throw new ZkError(ZkCode.NO_WATCHER, 'removeWatches', path);
    const removed = kinds.flatMap((kind) =>
      this.watches.watchers(kind, path, watcher).map((removedWatcher) => ({ kind, removedWatcher })),
    );
    const emptied = kinds.filter((kind) => this.watches.remove(kind, path, watcher));
    if (emptied.length > 0) {
      // Servers before 3.9 cannot remove one kind of watch on a path (removing data also drops a
      // persistent watch there, and types 4/5 are refused), so every watch on the path is removed and
      // the ones still wanted are set again, as after a reconnect (an event missed meanwhile fires then).
      try {
        await this.send(removeWatchesRequest(this.chroot, path, WatcherType.any));
      } catch (error) {
        // The server forgot them already (a one-shot watch that fired meanwhile): nothing left to remove.
        if (!(error instanceof ZkError && error.code === ZkCode.NO_WATCHER)) throw error;
      }
      const kept = this.watches.watchSetOf(path, this.chroot);
      if (kept !== null)
        await this.send(setWatchesRequest(this.lastZxidValue, kept), { xid: Xid.setWatches });
    }
    for (const { kind, removedWatcher } of removed) {
      try {
        removedWatcher({ type: REMOVED_EVENT[kind], path, zxid: null });
      } catch {
        // As for events.
      }
    }
  }

  /** Adds credentials to the session now (when connected) and on every later connection. */
  addAuth(scheme: string, auth: Buffer): Promise<void> {
    this.auth.push({ scheme, auth });
    const connection = this.connection;
    if (connection === null || !connection.isOpen) return Promise.resolve();
    return connection.sendAuth(scheme, auth);
  }

  /** Ends the session (its ephemeral nodes go at once) and the connection; settles within 2 s. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    const connection = this.connection;
    const wasConnected = this.isConnected();
    this.setState('closed', null);
    this.failWaiting(new ZkClosedError('The ZooKeeper client is closed.'));
    if (connection === null || !connection.isOpen) return;
    if (!wasConnected) {
      connection.lose(new Error('closed'));
      return;
    }
    await connection.closeSession(Math.min(2000, this.negotiatedMs), {
      op: 'closeSession',
      opcode: OpCode.closeSession,
      path: null,
      sizeHint: 0,
      write: () => undefined,
      read: () => undefined,
    });
  }

  /** Turns a synchronous argument check into a rejection. */
  private guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return call();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
