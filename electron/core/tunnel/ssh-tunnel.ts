import { createServer, type Server, type Socket } from 'node:net';
import type { Client } from 'ssh2';
import { AppError, isAppError } from '../../../shared/errors.js';
import type { TunnelInfo, TunnelState } from '../../../shared/model/ssh.js';
import { forwardThrough, hopLabel, openHop, type HopSpec } from './ssh-hop.js';

/** A store endpoint as the last hop reaches it. */
export interface TunnelTarget {
  host: string;
  port: number;
}

/** A target and the loopback port that forwards to it. */
export interface TunnelForward {
  target: TunnelTarget;
  localPort: number;
}

export interface TunnelOptions {
  /** The jump host, then the optional second hop. */
  hops: readonly HopSpec[];
  targets: readonly TunnelTarget[];
  onState: (info: TunnelInfo) => void;
}

/** Waits between reconnect attempts: quick at first (a blip), then every few seconds. */
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/** Opens the hops in order, each through the one before; the clients, first hop first. */
async function openChain(hops: readonly HopSpec[]): Promise<Client[]> {
  const clients: Client[] = [];
  try {
    for (const spec of hops) {
      const previous = clients.at(-1);
      const through = previous ? await forwardThrough(previous, spec.hop.host, spec.hop.port) : null;
      clients.push(await openHop(spec, through));
    }
    return clients;
  } catch (error) {
    for (const client of clients.reverse()) client.end();
    throw error;
  }
}

/**
 * An SSH tunnel: one loopback listener per store endpoint, each connection forwarded through the hops to
 * its target. When the SSH connection drops, it is re-established in the background (connections made
 * meanwhile wait for it, up to the hop timeout); a host key that changed stops it for good.
 */
export class SshTunnel {
  private chain: Client[] = [];
  private state: TunnelState = 'connecting';
  private message: string | null = null;
  private reconnects = 0;
  private closing = false;
  private waiting: Array<() => void> = [];
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  readonly forwards: TunnelForward[] = [];

  private constructor(private readonly options: TunnelOptions) {}

  /** Connects the hops (failing with their typed error) and opens the listeners. */
  static async open(options: TunnelOptions): Promise<SshTunnel> {
    if (options.hops.length === 0) throw new AppError('INTERNAL', 'A tunnel needs at least one SSH hop.');
    const tunnel = new SshTunnel(options);
    tunnel.emit();
    tunnel.adopt(await openChain(options.hops));
    try {
      for (const target of options.targets) tunnel.forwards.push(await tunnel.listen(target));
    } catch (error) {
      await tunnel.close();
      throw error;
    }
    tunnel.setState('open', null);
    return tunnel;
  }

  /** `ops@bastion:22 → app@inner:22`. */
  get via(): string {
    return this.options.hops.map((spec) => hopLabel(spec.hop)).join(' → ');
  }

  info(): TunnelInfo {
    return {
      via: this.via,
      state: this.state,
      message: this.message,
      forwards: this.forwards.length,
      reconnects: this.reconnects,
    };
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.release();
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
    for (const client of [...this.chain].reverse()) client.end();
    this.chain = [];
    this.setState('closed', null);
  }

  private emit(): void {
    this.options.onState(this.info());
  }

  private setState(state: TunnelState, message: string | null): void {
    this.state = state;
    this.message = message;
    this.emit();
  }

  /** Takes a freshly opened chain: watches each client for the drop that starts a reconnect. */
  private adopt(chain: Client[]): void {
    this.chain = chain;
    for (const client of chain) {
      client.once('close', () => {
        if (this.chain === chain) this.dropped(chain);
      });
      // Errors after ready end in 'close'; without a listener ssh2 would throw them.
      client.on('error', () => undefined);
    }
  }

  private dropped(chain: Client[]): void {
    for (const client of chain) client.end();
    this.chain = [];
    if (this.closing) return;
    this.setState('reconnecting', `The SSH connection to ${this.via} dropped; reconnecting.`);
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 0; !this.closing; attempt++) {
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
      await new Promise((done) => setTimeout(done, delay));
      if (this.closing) return;
      try {
        const chain = await openChain(this.options.hops);
        if (this.closing) {
          for (const client of chain) client.end();
          return;
        }
        this.reconnects += 1;
        this.adopt(chain);
        this.setState('open', null);
        this.release();
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A host key that changed while the tunnel was down is never accepted: stop, say why.
        if (isAppError(error) && (error.code === 'HOST_KEY_CHANGED' || error.code === 'HOST_KEY_UNKNOWN')) {
          this.setState('failed', message);
          this.release();
          return;
        }
        this.setState('reconnecting', `Reconnecting to ${this.via}: ${message}`);
      }
    }
  }

  /** Wakes the connections waiting for the tunnel (it is open again, failed or closing). */
  private release(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** The last hop's client once the tunnel is open, waiting up to the hop timeout while it reconnects. */
  private async exitClient(): Promise<Client | null> {
    if (this.state === 'reconnecting') {
      const timeoutMs = this.options.hops[0]!.timeoutMs;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, timeoutMs);
        this.waiting.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
    return this.state === 'open' ? (this.chain.at(-1) ?? null) : null;
  }

  private listen(target: TunnelTarget): Promise<TunnelForward> {
    // Half-open allowed: a client that sends its request and shuts its side (a four-letter word) still gets
    // the answer, which comes after its end.
    const server = createServer({ allowHalfOpen: true }, (socket) => void this.forward(socket, target));
    this.servers.push(server);
    return new Promise<TunnelForward>((resolve, reject) => {
      server.once('error', (error) =>
        reject(
          new AppError('INTERNAL', `No loopback port could be opened for the tunnel: ${error.message}.`),
        ),
      );
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const localPort = typeof address === 'object' && address ? address.port : 0;
        resolve({ target, localPort });
      });
    });
  }

  /** Pipes one local connection to its target through the tunnel; closed at once when it cannot be. */
  private async forward(socket: Socket, target: TunnelTarget): Promise<void> {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.pause();
    const client = await this.exitClient();
    if (client === null || socket.destroyed) {
      socket.destroy();
      return;
    }
    try {
      const stream = await forwardThrough(client, target.host, target.port);
      stream.on('error', () => socket.destroy());
      // A server that answers and closes (a four-letter word) must have its answer delivered: end, not destroy.
      stream.once('close', () => socket.end());
      socket.once('close', () => stream.destroy());
      socket.pipe(stream).pipe(socket);
      socket.resume();
    } catch {
      // The hop could not reach the target: the store's client sees the socket close and says so.
      socket.destroy();
    }
  }
}
