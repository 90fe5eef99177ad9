import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { Reachability } from './consul.http.js';

type StateListener = (state: ConnectionState, message: string | null) => void;

const PROBE_INTERVAL_MS = 1000;

/**
 * The connection state of a Consul session. HTTP has no connection to lose, so the state is
 * derived: a request that cannot reach any agent means 'reconnecting' (and starts a periodic
 * probe), the next answer means 'connected'.
 */
export class ConsulConnectionState implements Reachability {
  private state: ConnectionState = 'connected';
  private readonly listeners = new Set<StateListener>();
  private probeTimer: NodeJS.Timeout | null = null;

  /** `probe` resolves when an agent answers; it runs every second while reconnecting. */
  constructor(private readonly probe: () => Promise<unknown>) {}

  get current(): ConnectionState {
    return this.state;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reachable(): void {
    if (this.state !== 'reconnecting') return;
    this.stopProbe();
    this.emit('connected', null);
  }

  unreachable(message: string): void {
    if (this.state !== 'connected') return;
    this.emit('reconnecting', message);
    this.probeTimer = setInterval(() => {
      this.probe().then(
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
    for (const listener of [...this.listeners]) {
      try {
        listener(state, message);
      } catch {
        // A failing listener must not break the session or the other listeners.
      }
    }
  }
}
