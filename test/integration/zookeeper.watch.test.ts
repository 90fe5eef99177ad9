import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, NodeChange } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { until } from './support/async-expect.js';
import { startFrameProxy } from './support/zk-frame-proxy.js';

const driver = createZooKeeperDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Collects the changes a watch reports and waits for the next ones. */
class ChangeLog {
  readonly changes: NodeChange[] = [];
  private waiters: Array<() => void> = [];

  readonly listener = (change: NodeChange): void => {
    this.changes.push(change);
    for (const wake of this.waiters.splice(0)) wake();
  };

  /** Resolves with the changes seen once `count` of them arrived (fails after 5 s). */
  async waitForCount(count: number): Promise<NodeChange[]> {
    const deadline = Date.now() + 5000;
    while (this.changes.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} changes, saw ${JSON.stringify(this.changes)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.changes.slice(0, count);
  }
}

// Persistent watches where the server has them (3.6+), and the re-armed one-shot watches of older servers.
for (const mode of ['auto', 'oneShot'] as const) {
  describe(`ZooKeeper driver: watches (${mode === 'auto' ? 'persistent' : 'one-shot'})`, () => {
    let server: ZooKeeperServer;
    let watcher: BackendSession;
    let writer: BackendSession;

    beforeAll(async () => {
      server = await startZooKeeper();
      [watcher, writer] = await Promise.all([
        createZooKeeperDriver({ watches: mode }).connect(zooKeeperProfile(server.connectString)),
        driver.connect(zooKeeperProfile(server.connectString)),
      ]);
    });

    afterAll(async () => {
      await Promise.all([watcher?.close(), writer?.close()]);
      await server?.stop();
    });

    it('reports data, child and deletion changes made by another session, re-arming after each', async () => {
      await writer.create('/watched', utf8('v0'), PLAIN);
      const log = new ChangeLog();
      const stop = watcher.watch('/watched', { children: true }, log.listener);
      // Let the watches arm before changing anything.
      await watcher.get('/watched', { maxBytes: 0 });

      await writer.set('/watched', utf8('v1'), null);
      await log.waitForCount(1);
      await writer.set('/watched', utf8('v2'), null);
      await log.waitForCount(2);
      await writer.create('/watched/child', Buffer.alloc(0), PLAIN);
      await log.waitForCount(3);
      await writer.delete('/watched/child', { recursive: false, token: null });
      await log.waitForCount(4);
      await writer.delete('/watched', { recursive: false, token: null });
      await log.waitForCount(5);
      await writer.create('/watched', utf8('again'), PLAIN);
      await log.waitForCount(6);
      await writer.create('/watched/after-recreate', Buffer.alloc(0), PLAIN);
      const changes = await log.waitForCount(7);
      expect(changes.map((change) => change.type)).toEqual([
        'data',
        'data',
        'children',
        'children',
        'deleted',
        'created',
        'children',
      ]);
      expect(changes.every((change) => change.path === '/watched')).toBe(true);

      stop();
      await writer.set('/watched', utf8('unseen'), null);
      await writer.get('/watched', { maxBytes: 0 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(log.changes).toHaveLength(7);
    });

    it('reports the creation of a node that did not exist and leaves child changes out unless asked', async () => {
      const log = new ChangeLog();
      const stop = watcher.watch('/later', { children: false }, log.listener);
      await watcher.listChildren('/', { cursor: null, limit: 1, filter: null });
      await writer.create('/later', Buffer.alloc(0), PLAIN);
      await log.waitForCount(1);
      await writer.create('/later/child', Buffer.alloc(0), PLAIN);
      await writer.set('/later', utf8('changed'), null);
      const changes = await log.waitForCount(2);
      expect(changes).toEqual([
        { path: '/later', type: 'created' },
        { path: '/later', type: 'data' },
      ]);
      stop();
    });

    it('delivers one change to every watcher of the same path and lets each stop on its own', async () => {
      await writer.create('/shared', Buffer.alloc(0), PLAIN);
      const first = new ChangeLog();
      const second = new ChangeLog();
      const stopFirst = watcher.watch('/shared', { children: false }, first.listener);
      const stopSecond = watcher.watch('/shared', { children: false }, second.listener);
      await watcher.get('/shared', { maxBytes: 0 });
      await writer.set('/shared', utf8('1'), null);
      await Promise.all([first.waitForCount(1), second.waitForCount(1)]);
      stopFirst();
      await writer.set('/shared', utf8('2'), null);
      await second.waitForCount(2);
      expect(first.changes).toHaveLength(1);
      stopSecond();
    });

    it('reports what changed while the connection was lost, once, and keeps watching', async () => {
      await writer.create('/cut', utf8('v0'), PLAIN);
      const proxy = await startFrameProxy(server.port);
      const cutOff = await createZooKeeperDriver({ watches: mode }).connect(
        zooKeeperProfile(`127.0.0.1:${proxy.port}`, { sessionTimeoutMs: 10_000 }),
      );
      try {
        const states: string[] = [];
        cutOff.onStateChange((state) => states.push(state));
        const log = new ChangeLog();
        cutOff.watch('/cut', { children: true }, log.listener);
        // The watch reads the node once it is set (one-shot: then arms the child watch): three round trips
        // later both answers are in, and the watch knows what to compare with after the gap.
        for (let i = 0; i < 3; i++) await cutOff.get('/cut', { maxBytes: 0 });
        await proxy.pause();
        await until(() => states.includes('reconnecting'), 5000);
        await writer.set('/cut', utf8('v1'), null);
        await writer.create('/cut/child', Buffer.alloc(0), PLAIN);
        await proxy.resume();
        await until(() => states.at(-1) === 'connected', 10_000);
        await log.waitForCount(2);
        await writer.set('/cut', utf8('v2'), null);
        await log.waitForCount(3);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(
          log.changes
            .slice(0, 2)
            .map((change) => change.type)
            .sort(),
        ).toEqual(['children', 'data']);
        expect(log.changes.slice(2)).toEqual([{ path: '/cut', type: 'data' }]);
      } finally {
        await cutOff.close();
        await proxy.close();
      }
    });
  });
}
