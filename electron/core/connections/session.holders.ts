/**
 * Which clients (windows, browser tabs) hold each open connection. Sessions are the engine's, one per
 * profile, shared by every client that opened it: one window closing its tab must not pull the session
 * from under another window still showing it.
 */
export class SessionHolders {
  private readonly holders = new Map<string, Set<string>>();

  /** The client opened (or showed) the connection. */
  hold(connectionId: string, clientId: string): void {
    const set = this.holders.get(connectionId) ?? new Set<string>();
    set.add(clientId);
    this.holders.set(connectionId, set);
  }

  /** The client lets go; true when no other client holds the connection any more (its session may close). */
  release(connectionId: string, clientId: string): boolean {
    const set = this.holders.get(connectionId);
    if (!set) return true;
    set.delete(clientId);
    if (set.size > 0) return false;
    this.holders.delete(connectionId);
    return true;
  }

  /** A client went away (its window closed, its socket dropped): it holds nothing any more. */
  releaseClient(clientId: string): void {
    for (const [connectionId, set] of this.holders) {
      set.delete(clientId);
      if (set.size === 0) this.holders.delete(connectionId);
    }
  }
}
