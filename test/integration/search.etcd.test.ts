import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEtcd } from '../../bench/seed.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { openEtcd, seed, type Store } from '../unit/sync/support/stores.js';
import { runCli } from './support/cli-runner.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import {
  BINARY_KEY,
  BULK_COUNT,
  SEARCH_KEYS,
  liveFixture,
  searchCases,
  type SearchFixture,
} from './support/search-cases.js';

let server: EtcdServer;
let other: Store;
let fixture: SearchFixture;

describe('search on etcd (prefix pages)', () => {
  beforeAll(async () => {
    let client: CoreClient;
    [server, client] = await Promise.all([startEtcd(), startCoreClient()]);
    other = await openEtcd(server.endpoint);
    await seed(other.session, '/srch', { ...SEARCH_KEYS, [BINARY_KEY.path]: BINARY_KEY.value });
    await seedEtcd(server.endpoint, '/srch-bulk', BULK_COUNT);
    fixture = await liveFixture(client, {
      kind: 'etcd',
      endpoint: server.endpoint,
      sessionTimeoutMs: 3000,
      root: '/srch',
      bulkRoot: '/srch-bulk',
      binary: true,
      note: /^etcd: scanned by prefix pages of 1000 keys/,
    });
  });

  afterAll(async () => {
    await other?.close();
    await fixture?.client.close();
    await server?.stop();
  });

  searchCases(() => fixture, { cancellable: true });

  it('configdeck search reads a live store by URL and by saved profile, and fails on a dead one', async () => {
    const home = fixture.client.dataDir;
    const url = await runCli(
      home,
      'search',
      `etcd://${server.endpoint}/srch`,
      '--value',
      'web\\.\\w+',
      '--regex',
    );
    expect(url.code).toBe(0);
    expect(url.stdout).toBe('/web/url  http://web.internal:8080/path\n');
    expect(url.stderr).toMatch(
      /^1 matched, 9 nodes scanned in \d+ ms\.\nNote: etcd: scanned by prefix pages/,
    );
    const profile = await runCli(home, 'search', '@etcd/srch', '--path', 'ünï', '--json');
    expect(
      profile.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { storePath: string }).storePath),
    ).toEqual(['/srch/ünïcode', '/srch/ünïcode/ключ']);
    const dead = await runCli(home, 'search', '@etcd-dead', '--path', 'x');
    expect(dead.code).toBe(2);
    expect(dead.stderr).toMatch(/^configdeck search: [^\n]+\.\n$/);
    // Three runs of the command, each starting tsx (and one waiting for a dead server).
  }, 120_000);
});
