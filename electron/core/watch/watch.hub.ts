import { randomUUID } from 'node:crypto';
import type { BackendSession, NodeChange } from '../backends/backend.js';
import type { EventBus } from '../events/event.bus.js';

interface Subscription {
  id: string;
  clientId: string;
  key: string;
}

interface SharedWatch {
  connectionId: string;
  /** Stops the backend watch; set once the session handed it out. */
  stop: (() => void) | null;
  subscribers: Set<string>;
}

const watchKey = (connectionId: string, path: string, children: boolean): string =>
  `${connectionId}\u0000${children ? 'c' : 'n'}\u0000${path}`;

/**
 * Live watches shared between clients: one backend watch per (connection, path, children) no matter how
 * many windows look at it, released when the last subscriber leaves.
 */
export class WatchHub {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly watches = new Map<string, SharedWatch>();

  constructor(private readonly events: EventBus) {}

  /** Subscribes a client to changes of a node (and, with `children`, of its direct children list). */
  subscribe(
    clientId: string,
    connectionId: string,
    session: BackendSession,
    path: string,
    children: boolean,
  ): string {
    const key = watchKey(connectionId, path, children);
    const id = randomUUID();
    this.subscriptions.set(id, { id, clientId, key });
    const existing = this.watches.get(key);
    if (existing) {
      existing.subscribers.add(id);
      return id;
    }
    const shared: SharedWatch = { connectionId, stop: null, subscribers: new Set([id]) };
    this.watches.set(key, shared);
    shared.stop = session.watch(path, { children }, (change: NodeChange) => {
      this.events.emit('node.changed', {
        connectionId,
        path: change.path,
        type: change.type,
        watchIds: [...shared.subscribers],
      });
    });
    return id;
  }

  unsubscribe(watchId: string): boolean {
    const subscription = this.subscriptions.get(watchId);
    if (!subscription) return false;
    this.subscriptions.delete(watchId);
    const shared = this.watches.get(subscription.key);
    if (shared) {
      shared.subscribers.delete(watchId);
      if (shared.subscribers.size === 0) {
        this.watches.delete(subscription.key);
        shared.stop?.();
      }
    }
    return true;
  }

  /** Drops every watch a client held (its window closed or its socket dropped). */
  releaseClient(clientId: string): void {
    for (const subscription of [...this.subscriptions.values()]) {
      if (subscription.clientId === clientId) this.unsubscribe(subscription.id);
    }
  }

  /** Forgets the watches of a closed session (the session already stopped them). */
  forgetConnection(connectionId: string): void {
    for (const [key, shared] of [...this.watches.entries()]) {
      if (shared.connectionId !== connectionId) continue;
      this.watches.delete(key);
      for (const id of shared.subscribers) this.subscriptions.delete(id);
    }
  }

  stopAll(): void {
    for (const shared of this.watches.values()) shared.stop?.();
    this.watches.clear();
    this.subscriptions.clear();
  }
}
