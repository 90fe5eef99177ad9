import { describe, expect, it } from 'vitest';
import { Chroot } from './chroot.js';
import { SET_WATCHES_MAX_BYTES } from './protocol.js';
import { splitWatchSet, WatchManager, type ZkWatcher } from './watches.js';

const noop: ZkWatcher = () => undefined;

describe('WatchManager', () => {
  it('ends one-shot watches with their first event and keeps persistent ones', () => {
    const watches = new WatchManager();
    const data: ZkWatcher = () => undefined;
    const persistent: ZkWatcher = () => undefined;
    watches.add('data', '/a', data);
    watches.add('persistent', '/a', persistent);
    expect([...watches.take('dataChanged', '/a')]).toEqual([data, persistent]);
    expect([...watches.take('dataChanged', '/a')]).toEqual([persistent]);
  });

  it('reaches recursive watches on every ancestor, but not with children-changed events', () => {
    const watches = new WatchManager();
    const root: ZkWatcher = () => undefined;
    const app: ZkWatcher = () => undefined;
    const child: ZkWatcher = () => undefined;
    watches.add('persistentRecursive', '/', root);
    watches.add('persistentRecursive', '/app', app);
    watches.add('child', '/app/x/y', child);
    expect(watches.take('created', '/app/x/y/z')).toEqual(new Set([root, app]));
    expect([...watches.take('childrenChanged', '/app/x/y')]).toEqual([child]);
    expect([...watches.take('deleted', '/other')]).toEqual([root]);
  });

  it('fans one event out to every function once, whatever kinds it was set with', () => {
    const watches = new WatchManager();
    let calls = 0;
    const watcher: ZkWatcher = () => calls++;
    watches.add('data', '/a', watcher);
    watches.add('exist', '/a', watcher);
    watches.add('child', '/a', watcher);
    for (const reached of watches.take('deleted', '/a')) reached({ type: 'deleted', path: '/a', zxid: null });
    expect(calls).toBe(1);
    expect(watches.isEmpty()).toBe(true);
  });

  it('builds the re-registration set with server paths under a chroot', () => {
    const watches = new WatchManager();
    watches.add('data', '/', noop);
    watches.add('persistentRecursive', '/x', noop);
    expect(watches.watchSet(new Chroot('/app'))).toEqual({
      data: ['/app'],
      exist: [],
      child: [],
      persistent: [],
      persistentRecursive: ['/app/x'],
    });
  });
});

describe('splitWatchSet', () => {
  it('cuts 100,000 watches into requests of about 128 KiB, keeping every path once and in order', () => {
    const child = Array.from(
      { length: 100_000 },
      (_, index) => `/services/app/instance-${String(index).padStart(6, '0')}`,
    );
    const data = ['/config'];
    const batches = splitWatchSet(
      { data, exist: [], child, persistent: [], persistentRecursive: ['/'] },
      SET_WATCHES_MAX_BYTES,
    );
    expect(batches.length).toBeGreaterThan(20);
    for (const batch of batches) {
      const bytes = Object.values(batch)
        .flat()
        .reduce((sum, path) => sum + Buffer.byteLength(path) + 4, 0);
      expect(bytes).toBeLessThan(SET_WATCHES_MAX_BYTES + 256);
    }
    expect(batches.flatMap((batch) => batch.child)).toEqual(child);
    expect(batches.flatMap((batch) => batch.data)).toEqual(data);
    expect(batches.flatMap((batch) => batch.persistentRecursive)).toEqual(['/']);
  });
});
