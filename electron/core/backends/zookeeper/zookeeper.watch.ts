import type { ZkStat as Stat, ZkWatchEvent, ZkWatcher } from './client/index.js';
import type { NodeChange, WatchOptions } from '../backend.js';
import type { NodeChangeType } from '../../../../shared/model/node.js';
import type { ZooKeeperConnection } from './zookeeper.connection.js';
import type { ZooKeeperOps } from './zookeeper.ops.js';
import { longToHex } from './zookeeper.stat.js';
import { deliver } from '../kit/listener.set.js';

interface Subscriber {
  children: boolean;
  listener: (change: NodeChange) => void;
}

/** One watched path: a single pair of one-shot ZooKeeper watches shared by all its subscribers. */
interface WatchedPath {
  path: string;
  subscribers: Set<Subscriber>;
  /** Last known existence; null before the first answer. */
  exists: boolean | null;
  /** What the subscribers were last told about (null: unknown), to spot changes made between an event and the re-arm. */
  czxid: string | null;
  version: number | null;
  cversion: number | null;
  dataArmed: boolean;
  childArmed: boolean;
  /**
   * Arm attempts so far: only the latest one's answer counts. The client registers a watch as soon as the
   * reply is decoded but resolves our promise later, so a watch can fire (and re-arm) before the answer
   * of the arm that set it arrives; that older answer describes a state the event already superseded.
   */
  dataArms: number;
  childArms: number;
  dataWatcher: ZkWatcher;
  childWatcher: ZkWatcher;
}

/**
 * ZooKeeper watches fire once: every event re-arms the watch (an `exists` watch covers data changes,
 * deletion and creation; a `getChildren` watch covers the child list). Watches the client holds are
 * restored by it after a reconnect (and on a new session after an expiry); arms that failed while
 * disconnected are retried on reconnect.
 */
export class WatchHub {
  private readonly paths = new Map<string, WatchedPath>();

  constructor(
    private readonly ops: ZooKeeperOps,
    connection: ZooKeeperConnection,
  ) {
    connection.onState((state) => {
      if (state === 'connected') for (const entry of this.paths.values()) this.arm(entry);
    });
  }

  /** Reports changes of `path` (and of its child list when asked) until the returned function is called. */
  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    const entry = this.paths.get(path) ?? this.track(path);
    const subscriber: Subscriber = { children: options.children, listener };
    entry.subscribers.add(subscriber);
    this.arm(entry);
    return () => {
      entry.subscribers.delete(subscriber);
      if (entry.subscribers.size === 0 && this.paths.get(path) === entry) {
        this.paths.delete(path);
        this.withdraw(entry);
      }
    };
  }

  /** Takes this path's watches off the server (others on the same path, the child lister's, stay). */
  private withdraw(entry: WatchedPath): void {
    const remove = (type: 'data' | 'children', watcher: ZkWatcher): void => {
      // Nothing registered (never armed, or fired already) is fine; so is a lost connection.
      this.ops.client.removeWatches(entry.path, type, watcher).catch(() => undefined);
    };
    if (entry.dataArmed) remove('data', entry.dataWatcher);
    if (entry.childArmed) remove('children', entry.childWatcher);
  }

  private track(path: string): WatchedPath {
    const entry: WatchedPath = {
      path,
      subscribers: new Set(),
      exists: null,
      czxid: null,
      version: null,
      cversion: null,
      dataArmed: false,
      childArmed: false,
      dataArms: 0,
      childArms: 0,
      dataWatcher: (event) => this.onDataEvent(entry, event),
      childWatcher: (event) => this.onChildEvent(entry, event),
    };
    this.paths.set(path, entry);
    return entry;
  }

  private live(entry: WatchedPath): boolean {
    return this.paths.get(entry.path) === entry;
  }

  private wantsChildren(entry: WatchedPath): boolean {
    return [...entry.subscribers].some((subscriber) => subscriber.children);
  }

  private emit(entry: WatchedPath, type: NodeChangeType): void {
    for (const subscriber of [...entry.subscribers]) {
      // A failing listener must not stop the others or the re-arming.
      if (type !== 'children' || subscriber.children)
        deliver(subscriber.listener, { path: entry.path, type });
    }
  }

  private arm(entry: WatchedPath): void {
    if (!this.live(entry)) return;
    if (!entry.dataArmed) this.armData(entry);
    if (!entry.childArmed && entry.exists === true && this.wantsChildren(entry)) this.armChildren(entry);
  }

  private armData(entry: WatchedPath): void {
    entry.dataArmed = true;
    const arm = ++entry.dataArms;
    this.ops.exists(entry.path, entry.dataWatcher).then(
      (stat) => {
        if (arm !== entry.dataArms) return;
        this.catchUpData(entry, stat);
        this.arm(entry);
      },
      () => {
        if (arm === entry.dataArms) entry.dataArmed = false;
      },
    );
  }

  /**
   * One-shot watches leave a gap between an event and the re-arm (and while offline): compare what the
   * re-arm saw with what was reported (node identity, existence, data version) and report what was missed.
   */
  private catchUpData(entry: WatchedPath, stat: Stat | null): void {
    const czxid = stat === null ? null : longToHex(stat.czxid);
    const replaced = entry.exists === true && czxid !== null && entry.czxid !== null && czxid !== entry.czxid;
    const appeared = entry.exists === false && stat !== null;
    if (entry.exists !== null && this.live(entry)) {
      if (replaced) {
        this.emit(entry, 'deleted');
        this.emit(entry, 'created');
      } else if (entry.exists !== (stat !== null)) {
        this.emit(entry, stat !== null ? 'created' : 'deleted');
      } else if (stat !== null && entry.version !== null && stat.version > entry.version) {
        this.emit(entry, 'data');
      }
    }
    entry.exists = stat !== null;
    entry.czxid = czxid;
    entry.version = stat?.version ?? null;
    // A node found new starts from no children: the child re-arm reports any created meanwhile.
    if (stat === null) entry.cversion = null;
    else if (replaced || appeared) entry.cversion = 0;
  }

  private armChildren(entry: WatchedPath): void {
    entry.childArmed = true;
    const arm = ++entry.childArms;
    this.ops.getChildrenAndStat(entry.path, entry.childWatcher).then(
      ({ stat }) => {
        if (arm !== entry.childArms) return;
        // Children created or deleted between the last event and this re-arm.
        if (entry.cversion !== null && stat.cversion > entry.cversion && this.live(entry)) {
          this.emit(entry, 'children');
        }
        entry.cversion = stat.cversion;
      },
      () => {
        // NOT_FOUND: the existence watch reports the creation and arms this again; otherwise: on reconnect.
        if (arm === entry.childArms) entry.childArmed = false;
      },
    );
  }

  private onDataEvent(entry: WatchedPath, event: ZkWatchEvent): void {
    if (event.type === 'dataWatchRemoved') return;
    entry.dataArmed = false;
    if (!this.live(entry)) return;
    if (event.type === 'dataChanged') {
      if (entry.version !== null) entry.version += 1;
      this.emit(entry, 'data');
    }
    if (event.type === 'created' || event.type === 'deleted') {
      const created = event.type === 'created';
      // A new node starts at version 0; its identity is learnt on the re-arm.
      entry.exists = created;
      entry.czxid = null;
      entry.version = created ? 0 : null;
      entry.cversion = created ? 0 : null;
      this.emit(entry, created ? 'created' : 'deleted');
    }
    this.arm(entry);
  }

  private onChildEvent(entry: WatchedPath, event: ZkWatchEvent): void {
    if (event.type === 'childWatchRemoved') return;
    entry.childArmed = false;
    if (!this.live(entry)) return;
    // A deletion is reported once, by the data watch.
    if (event.type === 'childrenChanged') {
      if (entry.cversion !== null) entry.cversion += 1;
      this.emit(entry, 'children');
    }
    this.arm(entry);
  }
}
