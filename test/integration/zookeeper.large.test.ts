import { connectedZkClient, seedChildren } from './support/zk-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';

const driver = createZooKeeperDriver();
const CHILDREN = 100_000;
const nameOf = (i: number): string => `node-${String(i).padStart(6, '0')}`;

/** Seeds /huge with 100,000 children. */
async function seedHugeNode(connectString: string): Promise<void> {
  const client = await connectedZkClient(connectString, { sessionTimeoutMs: 20_000 });
  try {
    await seedChildren(client, '/huge', CHILDREN, nameOf);
  } finally {
    await client.close();
  }
}

let server: ZooKeeperServer;
let session: BackendSession;

beforeAll(async () => {
  server = await startZooKeeper();
  await seedHugeNode(server.connectString);
  session = await driver.connect(zooKeeperProfile(server.connectString, { sessionTimeoutMs: 20_000 }));
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('ZooKeeper driver: a node with 100,000 children', () => {
  it('opens the first page of 500 quickly and pages on from the cache', async () => {
    const started = performance.now();
    const first = await session.listChildren('/huge', { cursor: null, limit: 500, filter: null });
    const firstMs = performance.now() - started;
    expect(first.total).toBe(CHILDREN);
    expect(first.entries).toHaveLength(500);
    expect(first.entries[0]).toMatchObject({
      name: nameOf(0),
      childCount: 0,
      dataLength: 0,
      ephemeral: false,
    });
    expect(firstMs).toBeLessThan(3000);

    const startedNext = performance.now();
    const second = await session.listChildren('/huge', {
      cursor: first.nextCursor,
      limit: 500,
      filter: null,
    });
    const nextMs = performance.now() - startedNext;
    expect(second.entries[0]?.name).toBe(nameOf(500));
    expect(nextMs).toBeLessThan(1000);

    const filtered = await session.listChildren('/huge', { cursor: null, limit: 500, filter: '-09999' });
    expect(filtered.total).toBe(10);
    console.info(`100k children: first page ${firstMs.toFixed(0)} ms, next page ${nextMs.toFixed(0)} ms`);
  });

  it('counts the 100,001 nodes of the subtree', async () => {
    const started = performance.now();
    expect(await session.countSubtree('/huge')).toBe(CHILDREN + 1);
    console.info(`countSubtree over 100,001 nodes: ${(performance.now() - started).toFixed(0)} ms`);
  });
});
