import { describe, expect, it } from 'vitest';
import { WatchRegistry } from '../../../../electron/core/backends/kit/watch.registry.js';

/** A watch whose changes the test pushes by hand, counting how often it was stopped. */
function manualWatch(): {
  push: (change: string) => void;
  stops: () => number;
  begin: (emit: (c: string) => void) => () => void;
} {
  let emit: ((change: string) => void) | null = null;
  let stops = 0;
  return {
    push: (change) => emit?.(change),
    stops: () => stops,
    begin: (guarded) => {
      emit = guarded;
      return () => {
        stops++;
      };
    },
  };
}

describe('watch registry', () => {
  it('keeps a watch going when its listener throws', () => {
    const registry = new WatchRegistry();
    const watch = manualWatch();
    const seen: string[] = [];
    registry.start((change: string) => {
      seen.push(change);
      if (change === 'a') throw new Error('listener failed');
    }, watch.begin);
    watch.push('a');
    watch.push('b');
    expect(seen).toEqual(['a', 'b']);
  });

  it('delivers nothing after the stop, and stops each watch once', () => {
    const registry = new WatchRegistry();
    const watch = manualWatch();
    const seen: string[] = [];
    const stop = registry.start((change: string) => seen.push(change), watch.begin);
    watch.push('before');
    stop();
    stop();
    watch.push('after');
    expect(seen).toEqual(['before']);
    expect(watch.stops()).toBe(1);
  });

  it('stops every running watch on stopAll and waits for asynchronous stops', async () => {
    const registry = new WatchRegistry();
    const first = manualWatch();
    const seen: string[] = [];
    const stopFirst = registry.start((c: string) => seen.push(c), first.begin);
    let asyncStopped = false;
    registry.start(
      () => undefined,
      () => async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        asyncStopped = true;
      },
    );
    registry.start(
      () => undefined,
      () => () => {
        throw new Error('a stop that fails still counts as stopped');
      },
    );
    await registry.stopAll();
    expect(asyncStopped).toBe(true);
    expect(first.stops()).toBe(1);
    first.push('late');
    stopFirst();
    expect(seen).toEqual([]);
    expect(first.stops()).toBe(1);
  });

  it('does not keep a watch whose start failed', async () => {
    const registry = new WatchRegistry();
    expect(() =>
      registry.start(
        () => undefined,
        () => {
          throw new Error('bad path');
        },
      ),
    ).toThrow('bad path');
    await expect(registry.stopAll()).resolves.toBeUndefined();
  });
});
