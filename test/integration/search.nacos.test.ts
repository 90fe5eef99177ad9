import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childName, pipelined } from '../../bench/seed.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { openNacos, PLAIN, seed, type Store } from '../unit/sync/support/stores.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import {
  BULK_COUNT,
  SEARCH_KEYS,
  liveFixture,
  searchCases,
  searchToEnd,
  type SearchFixture,
} from './support/search-cases.js';

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
    fixture = await liveFixture(client, {
      kind: 'nacos',
      endpoint: server.endpoint,
      sessionTimeoutMs: 3000,
      root: '/public',
      bulkRoot: '/srchbulk/bulk',
      binary: false,
      note: /^Nacos: each namespace's configs read from its listing pages, which carry the content/,
    });
  });

  afterAll(async () => {
    await other?.close();
    await fixture?.client.close();
    await server?.stop();
  });

  searchCases(() => fixture, { cancellable: true });

  it("asks the server's config search for path-only substrings it can answer, with the same matches", async () => {
    const blur =
      /^Nacos: path searched with the server's config search \(search=blur on dataId and group, the text as a substring\)/;
    const search = (text: string, caseSensitive: boolean, path = '/public') =>
      searchToEnd(fixture.client, {
        source: {
          type: 'connection',
          connectionId: (fixture.source as { connectionId: string }).connectionId,
          path,
        },
        path: { mode: 'substring', text },
        caseSensitive,
      });
    const paths = (result: Awaited<ReturnType<typeof search>>) => result.matches.map((m) => m.path).sort();
    const db = await search('db', true);
    expect(db.progress.notes[0]).toMatch(blur);
    expect(paths(db)).toEqual(['/app/db.json']);
    // Only the candidates travelled: the group folder and the one config, not the 8 nodes of the dataset.
    expect(db.progress.scanned).toBe(2);
    expect(paths(await search('we', true))).toEqual(['/web', '/web/port', '/web/url']);
    expect(paths(await search('ключ', true))).toEqual(['/ünïcode/ключ']);
    const oneGroup = await search('port', true, '/public/web');
    expect([oneGroup.progress.notes[0], paths(oneGroup)]).toEqual([expect.stringMatching(blur), ['/port']]);
    // A namespace whose name matches is listed whole: everything below it matches.
    const all = await search('publ', true, '/');
    expect(all.progress.matched).toBe(1 + 3 + Object.keys(SEARCH_KEYS).length);
    // Letters with case and no --case-sensitive: the server compares case by case, so the search scans.
    const scanned = await search('DB', false);
    expect(scanned.progress.notes[0]).toMatch(/^Nacos: each namespace's configs read from its listing pages/);
    expect(paths(scanned)).toEqual(['/app/db.json']);
  });
});
