import type { NodeChange, WatchOptions } from '../backend.js';
import { deliver } from '../kit/listener.set.js';

interface Watcher {
  options: WatchOptions;
  /** False once stopped: a change already on its way is then not delivered. */
  active: boolean;
  listener: (change: NodeChange) => void;
}

/**
 * The watches on one in-memory store, shared by all its sessions: a change is delivered to every watcher
 * of its path (a `children` change only to those that asked for children), after the write returned, as a
 * server's notification arrives after its reply.
 */
export class MemoryWatches {
  private readonly byPath = new Map<string, Set<Watcher>>();

  /** Adds a watcher; returns the function that removes it. */
  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void {
    const watcher: Watcher = { options, listener, active: true };
    const watchers = this.byPath.get(path) ?? new Set<Watcher>();
    watchers.add(watcher);
    this.byPath.set(path, watchers);
    return () => {
      watcher.active = false;
      watchers.delete(watcher);
      if (watchers.size === 0 && this.byPath.get(path) === watchers) this.byPath.delete(path);
    };
  }

  /** Reports changes made by one write to the watchers of their paths. */
  notify(changes: readonly NodeChange[]): void {
    const deliveries: Array<[Watcher, NodeChange]> = [];
    for (const change of changes) {
      for (const watcher of this.byPath.get(change.path) ?? []) {
        if (change.type !== 'children' || watcher.options.children) deliveries.push([watcher, change]);
      }
    }
    if (deliveries.length === 0) return;
    setImmediate(() => {
      for (const [watcher, change] of deliveries) {
        // A failing listener must not keep the others from hearing of the change.
        if (watcher.active) deliver(watcher.listener, change);
      }
    });
  }
}
