import type { Client, State } from 'node-zookeeper-client';
import { AppError } from '../../../../shared/errors.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { CallContext } from './zookeeper.call.js';
import { MANAGER_STATE_CLOSED, managerOf } from './zookeeper.internals.js';
import { ListenerSet } from '../kit/listener.set.js';

export type StateListener = (state: ConnectionState, message: string | null) => void;

/** How long close() waits for the server to confirm the session end before dropping the socket. */
const CLOSE_GRACE_MS = 2000;

/**
 * One library client and what we know about its health: maps the library's states onto the shared
 * ConnectionState and remembers when the session is gone for good (expired, auth failed, closed).
 */
export class ZooKeeperConnection implements CallContext {
  private state: ConnectionState = 'connecting';
  private dead: AppError | null = null;
  private readonly listeners = new ListenerSet<Parameters<StateListener>>();
  private closing: Promise<void> | null = null;

  constructor(
    readonly client: Client,
    readonly timeoutMs: number,
    readonly endpointLabel: string,
  ) {
    client.on('state', (state: State) => this.onClientState(state));
  }

  isConnected(): boolean {
    return this.state === 'connected';
  }

  deadReason(): AppError | null {
    return this.dead;
  }

  /** Calls the listener on every state change until the returned function is called. */
  onState(listener: StateListener): () => void {
    return this.listeners.add(listener);
  }

  private emit(state: ConnectionState, message: string | null): void {
    if (state === this.state) return;
    this.state = state;
    this.listeners.emit(state, message);
  }

  private onClientState(state: State): void {
    // Once expired/auth-failed/closed, the library still reports DISCONNECTED: the session stays dead.
    if (this.dead !== null) return;
    switch (state.name) {
      case 'SYNC_CONNECTED':
      case 'CONNECTED_READ_ONLY':
        this.emit('connected', null);
        break;
      case 'DISCONNECTED':
        this.emit('reconnecting', `Lost the connection to ZooKeeper at ${this.endpointLabel}; reconnecting.`);
        break;
      case 'EXPIRED':
        this.dead = new AppError('NOT_CONNECTED', 'The ZooKeeper session expired; reconnect to continue.');
        this.emit(
          'expired',
          'The ZooKeeper session expired: ephemeral nodes and watches of this session are gone.',
        );
        break;
      case 'AUTH_FAILED':
        this.dead = new AppError('AUTH_FAILED', 'ZooKeeper rejected the credentials of this connection.');
        this.emit('disconnected', this.dead.message);
        break;
      default:
        break;
    }
  }

  /** Ends the session (its ephemeral nodes go) and settles even when the server is unreachable. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    if (this.dead === null) this.dead = new AppError('NOT_CONNECTED', 'This ZooKeeper connection is closed.');
    this.emit('closed', null);
    this.listeners.clear();
    const manager = managerOf(this.client);
    if (manager.state === MANAGER_STATE_CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, CLOSE_GRACE_MS);
      function onManagerState(state: number): void {
        if (state === MANAGER_STATE_CLOSED) finish();
      }
      function finish(): void {
        clearTimeout(timer);
        manager.off('state', onManagerState);
        resolve();
      }
      manager.on('state', onManagerState);
      this.client.close();
    });
    // Still not closed (server away): drop the socket so nothing keeps the process or the session alive.
    if (manager.state !== MANAGER_STATE_CLOSED) manager.socket?.destroy();
  }
}
