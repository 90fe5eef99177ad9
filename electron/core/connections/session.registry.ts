import type { BackendSession } from '../backends/backend.js';

/** Open sessions by connection id; an opening session is shared by concurrent callers. */
export class SessionRegistry {
  private readonly sessions = new Map<string, Promise<BackendSession>>();

  get(id: string): Promise<BackendSession> | undefined {
    return this.sessions.get(id);
  }

  /** Opens through `open` unless a session (or an attempt) exists; a failed attempt is forgotten. */
  getOrOpen(id: string, open: () => Promise<BackendSession>): Promise<BackendSession> {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const opening = open();
    this.sessions.set(id, opening);
    opening.catch(() => {
      if (this.sessions.get(id) === opening) this.sessions.delete(id);
    });
    return opening;
  }

  /** Forgets and closes the session; true when one was open. */
  async close(id: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    try {
      await (await session).close();
    } catch {
      // Closing a session that never opened, or whose server is gone, has nothing left to release.
    }
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }
}
