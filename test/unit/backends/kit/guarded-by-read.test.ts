import { describe, expect, it } from 'vitest';
import { MOVED, writeGuardedByRead } from '../../../../electron/core/backends/kit/guarded-by-read.js';

/** A node others may write to between our read and our write: `busy` writes land in that gap. */
function store(initial: string, busy: string[]): { read: () => Promise<string>; value: () => string } {
  let value = initial;
  return {
    read: async () => {
      const seen = value;
      const theirs = busy.shift();
      if (theirs !== undefined) value = theirs;
      return seen;
    },
    value: () => value,
  };
}

describe('writes guarded by their own read', () => {
  it('reports what the write replaced, reading again when someone wrote in between', async () => {
    const node = store('v1', ['theirs']);
    let current = 'v1';
    const guards: boolean[] = [];
    const result = await writeGuardedByRead(
      async () => (current = await node.read()),
      async (seen, guarded) => {
        guards.push(guarded);
        // The guard: the node must still hold what was read.
        if (guarded && node.value() !== seen) return MOVED;
        return 'written';
      },
    );
    expect(result).toEqual({ current: 'theirs', written: 'written' });
    expect(current).toBe('theirs');
    expect(guards).toEqual([true, true]);
  });

  it('writes unguarded after a few rounds of a node that keeps moving', async () => {
    const node = store('v1', ['a', 'b', 'c', 'd']);
    const guards: boolean[] = [];
    const result = await writeGuardedByRead(node.read, async (seen, guarded) => {
      guards.push(guarded);
      return guarded && node.value() !== seen ? MOVED : `over ${seen}`;
    });
    expect(guards).toEqual([true, true, false]);
    expect(result.written).toBe('over b');
  });

  it('passes a write failure through without another round', async () => {
    let rounds = 0;
    await expect(
      writeGuardedByRead(
        async () => rounds++,
        async () => {
          throw new Error('conflict with the caller token');
        },
      ),
    ).rejects.toThrow('conflict with the caller token');
    expect(rounds).toBe(1);
  });

  it('refuses an unguarded write that still reports a moved node instead of looping', async () => {
    await expect(
      writeGuardedByRead(
        async () => 1,
        async () => MOVED,
      ),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});
