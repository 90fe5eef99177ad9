import { afterAll, beforeAll, describe } from 'vitest';
import { seedConsul } from '../../bench/seed.js';
import { freePort } from '../servers/free-port.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { openConsul, seed, type Store } from '../unit/sync/support/stores.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import {
  BINARY_KEY,
  BULK_COUNT,
  SEARCH_KEYS,
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
    const save = async (name: string, endpoint: string) =>
      (
        await client.call('connections.save', {
          name,
          kind: 'consul',
          endpoints: [endpoint],
          sessionTimeoutMs: 3000,
        })
      ).id;
    const id = await save('consul', server.endpoint);
    const dead = await save('consul-dead', `127.0.0.1:${await freePort()}`);
    fixture = {
      client,
      source: { type: 'connection', connectionId: id, path: '/srch' },
      bulk: { type: 'connection', connectionId: id, path: '/srch-bulk' },
      dead: { type: 'connection', connectionId: dead, path: '/' },
      binary: true,
      note: /^Consul: the key names listed under the prefix in one read, values read in transactions of 64 keys/,
      deadCode: /UNREACHABLE|TIMEOUT/,
    };
  });

  afterAll(async () => {
    await other?.close();
    await fixture?.client.close();
    await server?.stop();
  });

  searchCases(() => fixture, { cancellable: true });
});
