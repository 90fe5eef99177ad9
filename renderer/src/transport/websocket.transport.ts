import type { CallResult, WsRequest, WsServerFrame } from '../../../shared/contract/wire.js';
import { reconnectDelayMs } from '../lib/backoff.js';
import { cancelledCall } from './call-abort.js';
import type { Transport, TransportStatus } from './transport.types.js';

type EventListener = (event: string, payload: unknown) => void;

interface Pending {
  resolve: (result: CallResult) => void;
  frame: string;
  sent: boolean;
}

/** A call whose answer can no longer arrive; the window tells it from the catalogue (HOST_LOST). */
function lostLink(): CallResult {
  return {
    ok: false,
    // i18n-exempt: the error's own sentence (logs, the CLI's style); the UI shows HOST_LOST's catalogue text.
    error: { code: 'HOST_LOST', message: 'The connection to the ConfigDeck host was lost during this call.' },
  };
}

/**
 * Browser-mode transport: the contract over a WebSocket to the loopback host. Calls made while the link
 * is down wait for the reconnect; calls in flight when it drops fail with HOST_LOST (the UI shows it);
 * a call whose signal aborts settles at once with CANCELLED and its late answer is dropped.
 */
export class WebSocketTransport implements Transport {
  readonly kind = 'browser' as const;
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private epoch = 0;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private status: TransportStatus = { state: 'connecting', epoch: 0 };
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly url: string) {
    this.connect();
  }

  invoke(method: string, input: unknown, signal?: AbortSignal): Promise<CallResult> {
    if (signal?.aborted) return Promise.resolve(cancelledCall());
    const id = this.nextId++;
    const request: WsRequest = { type: 'call', id, method, input };
    return new Promise<CallResult>((resolve) => {
      const onAbort = () => this.settle(id, cancelledCall());
      const entry: Pending = {
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
        frame: JSON.stringify(request),
        sent: false,
      };
      this.pending.set(id, entry);
      // A cancelled call is forgotten: not sent if it was still waiting for the link, its answer dropped.
      signal?.addEventListener('abort', onAbort, { once: true });
      this.trySend(entry);
    });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getStatus(): TransportStatus {
    return this.status;
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  retryNow(): void {
    if (this.status.state !== 'disconnected' || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.connect();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
  }

  private setStatus(status: TransportStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  /** Ends a pending call once; an id no longer pending (cancelled, already answered) is ignored. */
  private settle(id: number, result: CallResult): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    entry.resolve(result);
  }

  private trySend(entry: Pending): void {
    if (entry.sent || this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(entry.frame);
    entry.sent = true;
  }

  private connect(): void {
    this.timer = null;
    this.setStatus({ state: 'connecting', epoch: this.epoch });
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.epoch += 1;
      this.setStatus({ state: 'connected', epoch: this.epoch });
      for (const entry of this.pending.values()) this.trySend(entry);
    };
    socket.onmessage = (message) => this.handleFrame(message.data);
    socket.onclose = () => this.handleClose(socket);
  }

  private handleFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: WsServerFrame;
    try {
      frame = JSON.parse(data) as WsServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'result') {
      this.settle(frame.id, frame.outcome);
    } else if (frame.type === 'event') {
      for (const listener of this.listeners) listener(frame.event, frame.payload);
    }
  }

  private handleClose(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    // Answers to calls already sent can no longer arrive: fail them rather than hang the UI.
    for (const [id, entry] of this.pending) {
      if (entry.sent) this.settle(id, lostLink());
    }
    if (this.closed) return;
    const delay = reconnectDelayMs(this.attempt++);
    this.setStatus({
      state: 'disconnected',
      epoch: this.epoch,
      retryAt: Date.now() + delay,
      // i18n-exempt: the status's own sentence (logs); the UI shows the catalogue's text for the state.
      reason: 'The connection to the ConfigDeck host is down.',
    });
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
