import { afterAll, beforeAll, describe } from 'vitest';
import { seedConsul } from '../../bench/seed.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { openConsul, seed, type Store } from '../unit/sync/support/stores.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import {
  BINARY_KEY,
  BULK_COUNT,
  SEARCH_KEYS,
  liveFixture,
  searchCases,
  type SearchFixture,
} from './support/search-cases.js';

let server: ConsulServer;
let other: Store;
let fixture: SearchFixture;

describe('search on Consul (key listing, values in read-only transactions)', () => {
  beforeAll(async () => {
    let client: CoreClient;
    [server, client] = await Promise.all([startConsul(), startCoreClient()]);
    other = await openConsul(server.endpoint);
    await seed(other.session, '/srch', { ...SEARCH_KEYS, [BINARY_KEY.path]: BINARY_KEY.value });
    await seedConsul(server.endpoint, '/srch-bulk', BULK_COUNT);
    fixture = await liveFixture(client, {
      kind: 'consul',
      endpoint: server.endpoint,
      sessionTimeoutMs: 3000,
      root: '/srch',
      bulkRoot: '/srch-bulk',
      binary: true,
      note: /^Consul: the key names listed under the prefix in one read, values read in transactions of 64 keys/,
    });
  });

  afterAll(async () => {
    await other?.close();
    await fixture?.client.close();
    await server?.stop();
  });

  searchCases(() => fixture, { cancellable: true });
});
