import { AppError } from '../../../../shared/errors.js';

/** What a write answers when its guard found the node moved since the read. */
export const MOVED = Symbol('moved');
export type Moved = typeof MOVED;

/** Reads and guarded writes before the last attempt writes unguarded. */
const GUARDED_ROUNDS = 3;

/**
 * A write that knows exactly what it replaced (the audit's value before) on a store that reads and
 * writes in two requests (ZooKeeper, Consul). `read` finds the node; `write` writes guarded by what was
 * read (a version, a ModifyIndex) and answers MOVED when that guard failed, and the node is read again.
 * A write conditional on the caller's own token never answers MOVED: its guard failing is the caller's
 * CONFLICT. After a few rounds `write` is told `guarded: false` and writes as the caller asked, since a
 * write without a token must not fail because others keep writing; its value before is then the one read
 * just before.
 */
export async function writeGuardedByRead<R, W>(
  read: () => Promise<R>,
  write: (current: R, guarded: boolean) => Promise<W | Moved>,
): Promise<{ current: R; written: W }> {
  for (let round = 1; ; round++) {
    const current = await read();
    const guarded = round < GUARDED_ROUNDS;
    const written = await write(current, guarded);
    if (written !== MOVED) return { current, written };
    if (!guarded) throw new AppError('INTERNAL', 'An unguarded write reported that its node moved.');
  }
}
