import { z } from 'zod';
import type { PrefsStore } from '../storage/prefs.store.js';
import { SerialQueue } from '../storage/serial-queue.js';

const KEY = 'connections.lastUsed';
const LastUsedSchema = z.record(z.string(), z.string());

/**
 * When each profile was last opened (ISO times by profile id), for the sidebar's "last used" order. Kept in the
 * preferences, not in the profile: it is this machine's habit, not part of what a team shares in an export.
 */
export class LastUsed {
  /** One read-modify-write at a time, so two opens at once do not lose one of their times. */
  private readonly queue = new SerialQueue();

  constructor(private readonly prefs: PrefsStore) {}

  /** Every recorded time (an unreadable value counts as none). */
  async all(): Promise<Record<string, string>> {
    const parsed = LastUsedSchema.safeParse(await this.prefs.get(KEY));
    return parsed.success ? parsed.data : {};
  }

  /** Records that the profile was opened now. */
  touch(id: string, now: Date = new Date()): Promise<void> {
    return this.queue.run(async () =>
      this.prefs.set(KEY, { ...(await this.all()), [id]: now.toISOString() }),
    );
  }
}
