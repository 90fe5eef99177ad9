import { deliver } from './listener.set.js';

/** Ends a started watch; an asynchronous stop (etcd's cancel) is awaited when the session closes. */
export type StopWatch = () => void | Promise<void>;

/**
 * The watches of one session. Each is started with a guarded emit of its listener: a failing listener
 * never stops the watch, and nothing reaches the listener once the watch is stopped. Each stop runs
 * once, and `stopAll` ends every watch still running when the session closes.
 */
export class WatchRegistry {
  private readonly running = new Set<StopWatch>();

  /** Starts a watch: `begin` gets the guarded emit and returns its stop; returns the function that stops it. */
  start<C>(listener: (change: C) => void, begin: (emit: (change: C) => void) => StopWatch): () => void {
    let active = true;
    const stopWatch = begin((change) => {
      if (active) deliver(listener, change);
    });
    const stop = (): void | Promise<void> => {
      active = false;
      return stopWatch();
    };
    this.running.add(stop);
    return () => {
      if (this.running.delete(stop)) void Promise.resolve(stop()).catch(() => undefined);
    };
  }

  /** Stops every running watch and waits until each has ended (a failed stop counts as ended). */
  async stopAll(): Promise<void> {
    const stops = [...this.running];
    this.running.clear();
    await Promise.allSettled(stops.map(async (stop) => stop()));
  }
}
