import { afterAll, beforeAll, describe } from 'vitest';
import { childName } from '../../bench/seed.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openZooKeeper, seed, type Store } from '../unit/sync/support/stores.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';
import {
  BINARY_KEY,
  BULK_COUNT,
  SEARCH_KEYS,
  liveFixture,
  searchCases,
  type SearchFixture,
} from './support/search-cases.js';

let server: ZooKeeperServer;
let other: Store;
let fixture: SearchFixture;

/** BULK_COUNT children of `parent` holding `{"i":N}`, in multis of 1,000 creates. */
async function seedBulk(connectString: string, parent: string): Promise<void> {
  const client = await connectedZkClient(connectString);
  await client.create(parent, Buffer.alloc(0));
  for (let start = 0; start < BULK_COUNT; start += 1000) {
    const ops = [];
    for (let i = start; i < start + 1000; i++) {
      ops.push({ op: 'create' as const, path: `${parent}/${childName(i)}`, data: Buffer.from(`{"i":${i}}`) });
    }
    await client.multi(ops);
  }
  await client.close();
}

describe('search on ZooKeeper (pipelined walk)', () => {
  beforeAll(async () => {
    let client: CoreClient;
    [server, client] = await Promise.all([startZooKeeper(), startCoreClient()]);
    other = await openZooKeeper(server.connectString);
    await seed(other.session, '/srch', { ...SEARCH_KEYS, [BINARY_KEY.path]: BINARY_KEY.value });
    await seedBulk(server.connectString, '/srch-bulk');
    fixture = await liveFixture(client, {
      kind: 'zookeeper',
      endpoint: server.connectString,
      sessionTimeoutMs: 4000,
      root: '/srch',
      bulkRoot: '/srch-bulk',
      binary: true,
      note: /^ZooKeeper: walked with pipelined getData and getChildren, up to 256 requests in flight/,
    });
  });

  afterAll(async () => {
    await other?.close();
    await fixture?.client.close();
    await server?.stop();
  });

  searchCases(() => fixture, { cancellable: true });
});
