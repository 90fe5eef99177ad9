/** Calls a listener and swallows its failure: one listener must not break a watch, a session or the others. */
export function deliver<A extends unknown[]>(listener: (...args: A) => void, ...args: A): void {
  try {
    listener(...args);
  } catch {
    // The listener's own problem; whoever emits carries on.
  }
}

/** Listeners of one kind of event (connection state changes), each called guarded, in the order added. */
export class ListenerSet<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (...args: A) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls every listener (those added at the time of the call), each behind `deliver`. */
  emit(...args: A): void {
    for (const listener of [...this.listeners]) deliver(listener, ...args);
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
