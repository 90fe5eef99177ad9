import type { ConnectionState } from '../../../shared/model/connection.js';
import { ListenerSet } from './kit/listener.set.js';

type StateListener = (state: ConnectionState, message: string | null) => void;

const PROBE_INTERVAL_MS = 1000;

/**
 * The connection state of a session whose transport reconnects on its own and has no session to expire
 * (etcd's gRPC, Consul's and Nacos's HTTP), so the state is derived: a call that cannot reach the server
 * means 'reconnecting' (and starts a periodic probe), the next success means 'connected'.
 */
export class DerivedConnectionState {
  private state: ConnectionState = 'connected';
  private readonly listeners = new ListenerSet<Parameters<StateListener>>();
  private probeTimer: NodeJS.Timeout | null = null;

  /** `probe` resolves when the server answers; it is called every second while reconnecting. */
  constructor(private probe: (() => Promise<unknown>) | null = null) {}

  /** Sets the probe when it can only be built after the state (it needs the session's HTTP client). */
  setProbe(probe: () => Promise<unknown>): void {
    this.probe = probe;
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: StateListener): () => void {
    return this.listeners.add(listener);
  }

  /** A call reached the server. */
  reachable(): void {
    if (this.state !== 'reconnecting') return;
    this.stopProbe();
    this.emit('connected', null);
  }

  /** A call or stream could not reach the server. */
  unreachable(message: string): void {
    if (this.state !== 'connected') return;
    this.emit('reconnecting', message);
    this.probeTimer = setInterval(() => {
      this.probe?.().then(
        () => this.reachable(),
        () => undefined,
      );
    }, PROBE_INTERVAL_MS);
    this.probeTimer.unref();
  }

  /** The session was closed by its owner: final. */
  closed(): void {
    this.stopProbe();
    if (this.state !== 'closed') this.emit('closed', null);
    this.listeners.clear();
  }

  private stopProbe(): void {
    if (this.probeTimer !== null) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  private emit(state: ConnectionState, message: string | null): void {
    this.state = state;
    this.listeners.emit(state, message);
  }
}
