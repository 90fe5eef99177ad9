import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childName } from '../../bench/seed.js';
import { serializeSnapshot } from '../../electron/core/backends/snapshot/snapshot.format.js';
import { writeSnapshotFile } from '../../electron/core/sync/snapshot.export.js';
import { runCli } from './support/cli-runner.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import {
  BINARY_KEY,
  BULK_COUNT,
  SEARCH_KEYS,
  searchCases,
  type SearchFixture,
} from './support/search-cases.js';

let dir: string;
let file: string;
let fixture: SearchFixture;

async function snapshotFile(name: string, keys: Array<{ path: string; value: Buffer }>): Promise<string> {
  const path = join(dir, name);
  const text = serializeSnapshot({
    source: 'test',
    exportedAt: new Date().toISOString(),
    keys: keys.map((key) => ({ ...key, meta: null, acls: null })),
  });
  await writeSnapshotFile(path, text);
  return path;
}

describe('search in a snapshot file, and configdeck search', () => {
  beforeAll(async () => {
    let client: CoreClient;
    [client, dir] = await Promise.all([startCoreClient(), mkdtemp(join(tmpdir(), 'configdeck-search-'))]);
    const keys = Object.entries(SEARCH_KEYS).map(([path, value]) => ({ path, value: Buffer.from(value) }));
    file = await snapshotFile('dataset.json', [...keys, BINARY_KEY]);
    const bulk = Array.from({ length: BULK_COUNT }, (_, i) => ({
      path: `/${childName(i)}`,
      value: Buffer.from(`{"i":${i}}`),
    }));
    fixture = {
      client,
      source: { type: 'snapshot', file },
      bulk: { type: 'snapshot', file: await snapshotFile('bulk.json', bulk) },
      dead: { type: 'snapshot', file: join(dir, 'missing.json') },
      binary: true,
      note: /^Snapshot file: searched in memory/,
      deadCode: /INVALID_INPUT|NOT_FOUND/,
    };
  });

  afterAll(async () => {
    await fixture?.client.close();
    await rm(dir, { recursive: true, force: true });
  });

  searchCases(() => fixture, { cancellable: false });

  it('prints matches and the counts apart, exiting 0 with matches, 1 without, 2 on error', async () => {
    const home = fixture.client.dataDir;
    const found = await runCli(home, 'search', `file:${file}`, '--value', 'NEEDLE', '--case-sensitive');
    expect(found.code).toBe(0);
    expect(found.stdout).toBe('/app/greeting.txt  Hello Wörld 😀⏎second line with the NEEDLE in it\n');
    expect(found.stderr).toMatch(/^1 matched, 9 nodes scanned in \d+ ms\.\nNote: Snapshot file/);

    const glob = await runCli(home, 'search', `file:${file}`, '--path', '/web/*');
    expect(glob.stdout).toBe('/web/port\n/web/url\n');
    const regex = await runCli(home, 'search', `file:${file}`, '--path', '/po.t$', '--regex');
    expect(regex.stdout).toBe('/web/port\n');

    const json = await runCli(home, 'search', `file:${file}`, '--value', 'host', '--json-aware', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      path: '/app/db.json',
      field: 'json-key',
      pointer: '/db/host',
    });
    const text = await runCli(home, 'search', `file:${file}`, '--value', '5432', '--json-aware');
    expect(text.stdout).toBe('/app/db.json  /db/port  5432\n');

    const binary = await runCli(home, 'search', `file:${file}`, '--value', 'n');
    expect(binary.stderr).toContain(
      'Note: 1 binary value (not UTF-8 text) was left out of the value search.',
    );

    const none = await runCli(home, 'search', `file:${file}`, '--value', 'absent');
    expect([none.code, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toMatch(/^0 matched, 9 nodes scanned/);

    const bad = await runCli(home, 'search', `file:${file}`, '--value', '(', '--regex');
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toBe('configdeck search: The value regex "(" is not valid (Unterminated group).\n');
    const nothing = await runCli(home, 'search', `file:${file}`);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^configdeck search: Give --path PATTERN, --value PATTERN, or both/);
    const missing = await runCli(home, 'search', `file:${join(dir, 'missing.json')}`, '--path', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')).toHaveLength(2);
    // Eleven runs of the command, each starting tsx: more than the default minute on a loaded machine.
  }, 240_000);
});
