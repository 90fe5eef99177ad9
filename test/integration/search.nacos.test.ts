import { afterAll, beforeAll, describe } from 'vitest';
import { childName, pipelined } from '../../bench/seed.js';
import { freePort } from '../servers/free-port.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { openNacos, PLAIN, seed, type Store } from '../unit/sync/support/stores.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import { BULK_COUNT, SEARCH_KEYS, searchCases, type SearchFixture } from './support/search-cases.js';

let server: NacosServer;
let other: Store;
let fixture: SearchFixture;

/** BULK_COUNT configs holding `{"i":N}` in one group of `tenant`, published through the open API. */
async function seedBulk(endpoint: string, tenant: string, group: string): Promise<void> {
  await pipelined(BULK_COUNT, 32, async (i) => {
    const body = new URLSearchParams({
      dataId: `${childName(i)}.json`,
      group,
      tenant,
      content: `{"i":${i}}`,
    });
    const response = await fetch(`http://${endpoint}/nacos/v1/cs/configs`, { method: 'POST', body });
    if (!response.ok || (await response.text()).trim() !== 'true') throw new Error(`publish ${i} failed`);
  });
}

// Nacos holds text configs only (no binary values) in /<namespace>/<group>/<dataId>: the dataset's
// folders are groups of the public namespace.
describe('search on Nacos (r-nacos, configs from the listing pages)', () => {
  beforeAll(async () => {
    let client: CoreClient;
    [server, client] = await Promise.all([startNacos(), startCoreClient()]);
    other = await openNacos(server.endpoint);
    await seed(other.session, '/public', SEARCH_KEYS);
    await other.session.create('/srchbulk', Buffer.alloc(0), PLAIN);
    await seedBulk(server.endpoint, 'srchbulk', 'bulk');
    const save = async (name: string, endpoint: string) =>
      (
        await client.call('connections.save', {
          name,
          kind: 'nacos',
          endpoints: [endpoint],
          sessionTimeoutMs: 3000,
        })
      ).id;
    const id = await save('nacos', server.endpoint);
    const dead = await save('nacos-dead', `127.0.0.1:${await freePort()}`);
    fixture = {
      client,
      source: { type: 'connection', connectionId: id, path: '/public' },
      bulk: { type: 'connection', connectionId: id, path: '/srchbulk/bulk' },
      dead: { type: 'connection', connectionId: dead, path: '/' },
      binary: false,
      note: /^Nacos: each namespace's configs read from its listing pages, which carry the content/,
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
