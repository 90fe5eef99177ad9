import { AppError } from '../../../../shared/errors.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ZkClient, ZkState } from './client/index.js';
import type { CallContext } from './zookeeper.call.js';
import { ListenerSet } from '../kit/listener.set.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';

export type StateListener = (state: ConnectionState, message: string | null) => void;

/** What the UI says after the server declared the session expired and the client opened a new one. */
export const EXPIRED_MESSAGE =
  'session expired: ephemeral nodes of this session are gone, watches re-set on the new session';
export const READ_ONLY_MESSAGE = say(ZOOKEEPER_SENTENCES, 'readOnly');

/**
 * One client and what we know about its health: maps the client's states onto the shared
 * ConnectionState and remembers when the session is gone for good (auth failed, closed).
 */
export class ZooKeeperConnection implements CallContext {
  private state: ConnectionState = 'connecting';
  private message: string | null = null;
  private dead: AppError | null = null;
  private readonly listeners = new ListenerSet<Parameters<StateListener>>();
  /** Set by an expiry until the next connected state has said so. */
  private expired = false;

  constructor(
    readonly client: ZkClient,
    readonly timeoutMs: number,
    readonly endpointLabel: string,
  ) {
    client.onState((state, detail) => this.onClientState(state, detail));
    // A client handed over already connected (tests, tools) starts in its current state.
    if (client.state !== 'connecting') this.onClientState(client.state, null);
  }

  isConnected(): boolean {
    return this.state === 'connected';
  }

  /** What the last state change said (read-only, a renewed session), or null. */
  get stateMessage(): string | null {
    return this.message;
  }

  /** True while connected to a server that serves reads only. */
  get readOnly(): boolean {
    return this.client.state === 'connectedReadOnly';
  }

  deadReason(): AppError | null {
    return this.dead;
  }

  /** Calls the listener on every state change until the returned function is called. */
  onState(listener: StateListener): () => void {
    return this.listeners.add(listener);
  }

  private emit(state: ConnectionState, message: string | null): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.listeners.emit(state, message);
  }

  private onClientState(state: ZkState, detail: string | null): void {
    if (this.dead !== null) return;
    switch (state) {
      case 'connected':
        this.emit('connected', this.expired ? EXPIRED_MESSAGE : null);
        this.expired = false;
        break;
      case 'connectedReadOnly':
        this.emit('connected', this.expired ? `${EXPIRED_MESSAGE}; ${READ_ONLY_MESSAGE}` : READ_ONLY_MESSAGE);
        this.expired = false;
        break;
      case 'connecting':
      case 'disconnected':
        if (this.state === 'connecting') break;
        this.emit(
          'reconnecting',
          this.expired
            ? `${EXPIRED_MESSAGE}; opening a new session`
            : `Lost the connection to ZooKeeper at ${this.endpointLabel} (${detail ?? 'no reason given'}); reconnecting.`,
        );
        break;
      case 'expired':
        this.expired = true;
        this.emit('expired', EXPIRED_MESSAGE);
        break;
      case 'authFailed':
        this.dead = new AppError('AUTH_FAILED', 'ZooKeeper rejected the credentials of this connection.');
        this.emit('disconnected', this.dead.message);
        break;
      case 'closed':
        this.dead = new AppError('NOT_CONNECTED', 'This ZooKeeper connection is closed.');
        this.emit('closed', null);
        break;
    }
  }

  /** Ends the session (its ephemeral nodes go) and settles even when the server is unreachable. */
  async close(): Promise<void> {
    if (this.dead === null) this.dead = new AppError('NOT_CONNECTED', 'This ZooKeeper connection is closed.');
    this.emit('closed', null);
    this.listeners.clear();
    await this.client.close();
  }
}
