import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkClient, ZkWatchEvent } from '../../electron/core/backends/zookeeper/client/index.js';
import { fourLetterWord, startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { until } from './support/async-expect.js';
import { startFrameProxy, type FrameProxy } from './support/zk-frame-proxy.js';
import { connectedZkClient, seedChildren } from './support/zk-client.js';

const CHILDREN = 300_000;
const WATCHED = 100_000;
/** OpCode.setWatches and setWatches2. */
const SET_WATCHES = new Set([101, 105]);
const nameOf = (i: number): string => `n${String(i).padStart(6, '0')}`;

let server: ZooKeeperServer;
let seeder: ZkClient;

beforeAll(async () => {
  server = await startZooKeeper();
  seeder = await connectedZkClient(server.connectString, { sessionTimeoutMs: 30_000 });
  await seedChildren(seeder, '/wide', CHILDREN, nameOf);
}, 240_000);

afterAll(async () => {
  await seeder?.close();
  await server?.stop();
});

describe('ZooKeeper client at scale', () => {
  it('lists 300,000 children in one reply of several megabytes, and the session goes on', async () => {
    const { children, stat } = await seeder.getChildren('/wide');
    expect(children).toHaveLength(CHILDREN);
    expect(stat.numChildren).toBe(CHILDREN);
    expect(new Set(children).size).toBe(CHILDREN);
    expect(children).toContain(nameOf(CHILDREN - 1));
    expect(await seeder.exists('/wide')).not.toBeNull();
    expect(seeder.state).toBe('connected');
  });

  describe('100,000 child watches across a server restart', () => {
    let proxy: FrameProxy;
    let watcher: ZkClient;

    beforeAll(async () => {
      proxy = await startFrameProxy(server.port);
      watcher = await connectedZkClient(`127.0.0.1:${proxy.port}`, { sessionTimeoutMs: 30_000 });
    });

    afterAll(async () => {
      await watcher?.close();
      await proxy?.close();
    });

    it('re-registers them in requests well under the server limit, without a reconnect loop', async () => {
      const events: ZkWatchEvent[] = [];
      const onEvent = (event: ZkWatchEvent): void => void events.push(event);
      const paths = Array.from({ length: WATCHED }, (_, i) => `/wide/${nameOf(i)}`);
      // Child watches, plus a data watch on each node: the server's `wchs` counts data watches only
      // (DataTree.getWatchesSummary), so those show from outside that everything came back.
      for (let start = 0; start < paths.length; start += 2000) {
        await Promise.all(
          paths
            .slice(start, start + 2000)
            .flatMap((path) => [
              watcher.getChildren(path, { watch: onEvent }),
              watcher.getData(path, { watch: onEvent }),
            ]),
        );
      }
      expect(watcher.watchCounts()).toMatchObject({ child: WATCHED, data: WATCHED });
      expect(await fourLetterWord(server.port, 'wchs')).toMatch(/Total watches:100000/);

      const framesBefore = proxy.frames.length;
      const states: string[] = [];
      watcher.onState((state) => states.push(state));
      await server.restart();
      await until(() => watcher.state === 'connected' && states.includes('disconnected'), 30_000);
      await until(async () => /Total watches:100000/.test(await fourLetterWord(server.port, 'wchs')), 20_000);

      const restore = proxy.frames
        .slice(framesBefore)
        .filter((frame) => frame.opcode !== null && SET_WATCHES.has(frame.opcode));
      expect(restore.length).toBeGreaterThan(10);
      for (const frame of restore) expect(frame.bytes).toBeLessThan(140 * 1024);
      // Attempts while the server was down were refused; once back, one connection holds, not a loop.
      const connectionsAfter = proxy.connections();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(proxy.connections()).toBe(connectionsAfter);
      expect(states.filter((state) => state === 'disconnected')).toHaveLength(1);
      expect((await watcher.exists('/wide'))?.numChildren).toBe(CHILDREN);

      // The restored child watches are live, from the first request's paths to the last one's.
      const sample = [0, 1, WATCHED / 2, WATCHED - 2, WATCHED - 1].map((i) => `/wide/${nameOf(i)}`);
      await Promise.all(sample.map((path) => seeder.create(`${path}/child`, Buffer.alloc(0))));
      await until(() => events.length >= sample.length, 10_000);
      expect(events.map((event) => `${event.type} ${event.path}`).sort()).toEqual(
        sample.map((path) => `childrenChanged ${path}`).sort(),
      );
    });
  });
});
