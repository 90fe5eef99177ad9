import type { Chroot } from './chroot.js';
import { EventType } from './protocol.js';
import type { WatchSet } from './requests.js';

export type ZkEventType =
  | 'created'
  | 'deleted'
  | 'dataChanged'
  | 'childrenChanged'
  | 'dataWatchRemoved'
  | 'childWatchRemoved'
  | 'persistentWatchRemoved';

export interface ZkWatchEvent {
  type: ZkEventType;
  /** Chroot-relative path of the node the event is about. */
  path: string;
  /** The zxid of the change, when the server sends it (3.9+); null otherwise. */
  zxid: bigint | null;
}

export type ZkWatcher = (event: ZkWatchEvent) => void;

/** The kinds of watch a client holds; one-shot kinds end with their first event. */
export type WatchKind = 'data' | 'exist' | 'child' | 'persistent' | 'persistentRecursive';

const EVENT_NAMES = new Map<number, ZkEventType>([
  [EventType.created, 'created'],
  [EventType.deleted, 'deleted'],
  [EventType.dataChanged, 'dataChanged'],
  [EventType.childrenChanged, 'childrenChanged'],
  [EventType.dataWatchRemoved, 'dataWatchRemoved'],
  [EventType.childWatchRemoved, 'childWatchRemoved'],
  [EventType.persistentWatchRemoved, 'persistentWatchRemoved'],
]);

export function eventTypeName(type: number): ZkEventType | null {
  return EVENT_NAMES.get(type) ?? null;
}

function ancestorsAndSelf(path: string): string[] {
  const paths = [path];
  let at = path;
  while (at !== '/') {
    const slash = at.lastIndexOf('/');
    at = slash === 0 ? '/' : at.slice(0, slash);
    paths.push(at);
  }
  return paths;
}

/**
 * Which watcher functions wait for which paths, by kind, as the server sees them: the server keeps one
 * watch per path and kind per session, the client fans each event out to every function registered.
 * Paths are chroot-relative here; the re-registration set is built with server paths.
 */
export class WatchManager {
  private readonly kinds: Record<WatchKind, Map<string, Set<ZkWatcher>>> = {
    data: new Map(),
    exist: new Map(),
    child: new Map(),
    persistent: new Map(),
    persistentRecursive: new Map(),
  };

  add(kind: WatchKind, path: string, watcher: ZkWatcher): void {
    const map = this.kinds[kind];
    let set = map.get(path);
    if (set === undefined) {
      set = new Set();
      map.set(path, set);
    }
    set.add(watcher);
  }

  /** Removes one function (or every function) of a kind on a path; returns whether the path has none left. */
  remove(kind: WatchKind, path: string, watcher?: ZkWatcher): boolean {
    const map = this.kinds[kind];
    const set = map.get(path);
    if (set === undefined) return true;
    if (watcher === undefined) set.clear();
    else set.delete(watcher);
    if (set.size === 0) map.delete(path);
    return set.size === 0;
  }

  /** The functions `remove(kind, path, watcher)` would remove. */
  watchers(kind: WatchKind, path: string, watcher?: ZkWatcher): ZkWatcher[] {
    const set = this.kinds[kind].get(path);
    if (set === undefined) return [];
    if (watcher === undefined) return [...set];
    return set.has(watcher) ? [watcher] : [];
  }

  has(kind: WatchKind, path: string): boolean {
    return this.kinds[kind].has(path);
  }

  /** Number of paths watched, by kind (what the server counts in `wchs`, per session). */
  counts(): Record<WatchKind, number> {
    return {
      data: this.kinds.data.size,
      exist: this.kinds.exist.size,
      child: this.kinds.child.size,
      persistent: this.kinds.persistent.size,
      persistentRecursive: this.kinds.persistentRecursive.size,
    };
  }

  isEmpty(): boolean {
    return Object.values(this.kinds).every((map) => map.size === 0);
  }

  /** Everything to restore on a new connection, as server paths, split by kind. */
  watchSet(chroot: Chroot): WatchSet {
    const paths = (kind: WatchKind): string[] =>
      [...this.kinds[kind].keys()].map((path) => chroot.toServer(path));
    return {
      data: paths('data'),
      exist: paths('exist'),
      child: paths('child'),
      persistent: paths('persistent'),
      persistentRecursive: paths('persistentRecursive'),
    };
  }

  /** The watches still held on one path, as a set to register again; null when none. */
  watchSetOf(path: string, chroot: Chroot): WatchSet | null {
    const set = emptySet();
    let any = false;
    for (const kind of Object.keys(this.kinds) as WatchKind[]) {
      if (!this.kinds[kind].has(path)) continue;
      set[kind].push(chroot.toServer(path));
      any = true;
    }
    return any ? set : null;
  }

  /**
   * The functions an event reaches, one-shot registrations removed as they fire: data and exist watches
   * on created/changed/deleted, child watches on children changed and deleted, persistent watches on the
   * path, recursive ones on the path and every ancestor (never for children changed: the server does
   * not send those to recursive watches, and one sent for a child watch is not theirs).
   */
  take(type: ZkEventType, path: string): Set<ZkWatcher> {
    const reached = new Set<ZkWatcher>();
    const takeOneShot = (kind: WatchKind): void => {
      const set = this.kinds[kind].get(path);
      if (set === undefined) return;
      this.kinds[kind].delete(path);
      for (const watcher of set) reached.add(watcher);
    };
    if (type === 'created' || type === 'dataChanged' || type === 'deleted') {
      takeOneShot('data');
      takeOneShot('exist');
    }
    if (type === 'childrenChanged' || type === 'deleted') takeOneShot('child');
    for (const watcher of this.kinds.persistent.get(path) ?? []) reached.add(watcher);
    if (type !== 'childrenChanged' && this.kinds.persistentRecursive.size > 0) {
      for (const at of ancestorsAndSelf(path)) {
        for (const watcher of this.kinds.persistentRecursive.get(at) ?? []) reached.add(watcher);
      }
    }
    return reached;
  }
}

/** Splits a watch set into requests of about `maxBytes` of paths each, in the reference client's order. */
export function splitWatchSet(set: WatchSet, maxBytes: number): WatchSet[] {
  const batches: WatchSet[] = [];
  let batch: WatchSet = emptySet();
  let bytes = 0;
  const order: Array<keyof WatchSet> = ['data', 'exist', 'child', 'persistent', 'persistentRecursive'];
  for (const kind of order) {
    for (const path of set[kind]) {
      if (bytes >= maxBytes) {
        batches.push(batch);
        batch = emptySet();
        bytes = 0;
      }
      batch[kind].push(path);
      bytes += Buffer.byteLength(path, 'utf8') + 4;
    }
  }
  if (bytes > 0) batches.push(batch);
  return batches;
}

function emptySet(): WatchSet {
  return { data: [], exist: [], child: [], persistent: [], persistentRecursive: [] };
}
