import type { ZkStat, ZkWatchEvent, ZkWatcher } from './client/index.js';
import type { NodeChange, WatchOptions } from '../backend.js';
import type { NodeChangeType } from '../../../../shared/model/node.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { callZk } from './zookeeper.call.js';
import { deliver } from '../kit/listener.set.js';

interface Subscriber {
  children: boolean;
  listener: (change: NodeChange) => void;
}

/** One watched path: a single persistent watch shared by all its subscribers. */
interface WatchedPath {
  path: string;
  subscribers: Set<Subscriber>;
  /** Whether the server holds the watch (the client sets it again on every reconnect). */
  added: boolean;
  /** What the subscribers were last told about (null: unknown), to spot what a lost connection hid. */
  exists: boolean | null;
  czxid: bigint | null;
  version: number | null;
  cversion: number | null;
  /** Reads of the node so far: only the latest one's answer counts. */
  reads: number;
  watcher: ZkWatcher;
}

/**
 * The tree's watches on servers with persistent watches (3.6+): one `addWatch` per path reports data
 * changes, creation, deletion and child changes until removed, with nothing to re-arm and nothing merged.
 * The client sets the watches again after a reconnect (and on a renewed session) but the server reports
 * nothing of what changed meanwhile, so each path's stat is read again then and compared with what its
 * subscribers were told.
 */
export class PersistentWatchHub {
  private readonly paths = new Map<string, WatchedPath>();
  private wasConnected: boolean;

  constructor(
    private readonly ops: ZooKeeperOps,
    connection: ZooKeeperConnection,
  ) {
    this.wasConnected = connection.isConnected();
    connection.onState((state) => {
      const connected = state === 'connected';
      if (connected && !this.wasConnected) for (const entry of this.paths.values()) this.restore(entry);
      this.wasConnected = connected;
    });
  }

  /** Reports changes of `path` (and of its child list when asked) until the returned function is called. */
  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    let entry = this.paths.get(path);
    if (entry === undefined) {
      entry = this.track(path);
      this.add(entry);
    }
    const subscriber: Subscriber = { children: options.children, listener };
    const watched = entry;
    watched.subscribers.add(subscriber);
    return () => {
      watched.subscribers.delete(subscriber);
      if (watched.subscribers.size === 0 && this.paths.get(path) === watched) {
        this.paths.delete(path);
        // Nothing registered (the add failed) is fine; so is a lost connection.
        if (watched.added)
          this.ops.client.removeWatches(path, 'persistent', watched.watcher).catch(() => undefined);
        watched.added = false;
      }
    };
  }

  private track(path: string): WatchedPath {
    const entry: WatchedPath = {
      path,
      subscribers: new Set(),
      added: false,
      exists: null,
      czxid: null,
      version: null,
      cversion: null,
      reads: 0,
      watcher: (event) => this.onEvent(entry, event),
    };
    this.paths.set(path, entry);
    return entry;
  }

  private live(entry: WatchedPath): boolean {
    return this.paths.get(entry.path) === entry;
  }

  private emit(entry: WatchedPath, type: NodeChangeType): void {
    if (!this.live(entry)) return;
    for (const subscriber of [...entry.subscribers]) {
      // A failing listener must not stop the others.
      if (type !== 'children' || subscriber.children)
        deliver(subscriber.listener, { path: entry.path, type });
    }
  }

  /** Sets the watch, then reads the node: what the subscribers start from. A failure is retried on reconnect. */
  private add(entry: WatchedPath): void {
    callZk(this.ops.ctx, 'read', 'watch', entry.path, () =>
      this.ops.client.addWatch(entry.path, 'persistent', entry.watcher),
    ).then(
      () => {
        if (!this.live(entry)) {
          this.ops.client.removeWatches(entry.path, 'persistent', entry.watcher).catch(() => undefined);
          return;
        }
        entry.added = true;
        this.read(entry, false);
      },
      () => undefined,
    );
  }

  /** Back after a loss: the watch is set again by the client; what changed meanwhile is read. */
  private restore(entry: WatchedPath): void {
    if (entry.added) this.read(entry, true);
    else this.add(entry);
  }

  private read(entry: WatchedPath, compare: boolean): void {
    const read = ++entry.reads;
    this.ops.exists(entry.path).then(
      (stat) => {
        if (read !== entry.reads || !this.live(entry)) return;
        if (compare) this.catchUp(entry, stat);
        this.remember(entry, stat);
      },
      () => undefined,
    );
  }

  private remember(entry: WatchedPath, stat: ZkStat | null): void {
    entry.exists = stat !== null;
    entry.czxid = stat?.czxid ?? null;
    entry.version = stat?.version ?? null;
    entry.cversion = stat?.cversion ?? null;
  }

  /** Reports what the stat read after a reconnect shows beyond what the subscribers were told. */
  private catchUp(entry: WatchedPath, stat: ZkStat | null): void {
    if (entry.exists === null) return;
    const replaced = entry.exists && stat !== null && entry.czxid !== null && entry.czxid !== stat.czxid;
    if (replaced) {
      this.emit(entry, 'deleted');
      this.emit(entry, 'created');
    } else if (entry.exists !== (stat !== null)) {
      this.emit(entry, stat !== null ? 'created' : 'deleted');
    } else if (stat !== null) {
      if (entry.version !== null && stat.version > entry.version) this.emit(entry, 'data');
      if (entry.cversion !== null && stat.cversion > entry.cversion) this.emit(entry, 'children');
    }
  }

  private onEvent(entry: WatchedPath, event: ZkWatchEvent): void {
    if (!this.live(entry)) return;
    switch (event.type) {
      case 'dataChanged':
        if (entry.version !== null) entry.version += 1;
        this.emit(entry, 'data');
        break;
      case 'childrenChanged':
        if (entry.cversion !== null) entry.cversion += 1;
        this.emit(entry, 'children');
        break;
      case 'created':
        // A new node starts at version 0; its identity is learnt by a read.
        entry.exists = true;
        entry.czxid = null;
        entry.version = 0;
        entry.cversion = 0;
        this.emit(entry, 'created');
        this.read(entry, false);
        break;
      case 'deleted':
        this.remember(entry, null);
        this.emit(entry, 'deleted');
        break;
      default:
        break;
    }
  }
}
