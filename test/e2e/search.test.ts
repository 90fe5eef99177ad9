import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { freePort } from '../servers/free-port.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, editorText } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const SNAPSHOT_FILE = join(import.meta.dirname, '..', '..', 'examples', 'prod.json');

/** Nodes under /bulk: enough that a search of them is still running when Cancel is pressed. */
const BULK = 50_000;

const SEEDED: Record<string, string> = {
  '/app': '',
  '/app/db.json': '{"db":{"host":"db-1.prod.internal","port":5432}}',
  '/app/cache.properties': 'cache.host=db-2.prod.internal\ncache.ttl=60',
  '/app/web.txt': 'listen 0.0.0.0:8080',
  '/app/other': 'db-9.staging.internal',
};

/** Fills the search form: where, and the value regex. */
async function fillSearch(page: Page, root: string, valueRegex: string): Promise<void> {
  await page.getByTestId('search-root').fill(root);
  await page.getByTestId('search-value-mode').selectOption('regex');
  await page.getByTestId('search-value').fill(valueRegex);
}

const state = (page: Page) => page.getByTestId('search-progress').getAttribute('data-state');

// The Search tab in Chromium against a real ZooKeeper: a value regex over a seeded subtree with the match
// highlighted in its excerpt, JSON-aware matches naming their pointer, Cancel on a big subtree, a click that
// opens the node in the browser, and one sentence for an invalid regex and for a dead server.
describe('searching a ZooKeeper subtree in the browser', () => {
  let zk: ZooKeeperServer;
  let seeder: ZkClient;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    zk = await startZooKeeper();
    seeder = await connectedZkClient(zk.connectString);
    for (const [path, value] of Object.entries(SEEDED)) await seeder.create(path, Buffer.from(value));
    await seeder.create('/bulk', Buffer.alloc(0));
    const commits: Array<Promise<unknown>> = [];
    for (let start = 0; start < BULK; start += 1000) {
      const ops = [];
      for (let i = start; i < start + 1000; i++) {
        ops.push({ op: 'create' as const, path: `/bulk/n${i}`, data: Buffer.from(`item-${i}`) });
      }
      commits.push(seeder.multi(ops));
      if (commits.length >= 8) await commits.shift();
    }
    await Promise.all(commits);
    const dead = await freePort();
    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'zk gone', kind: 'zookeeper', endpoints: [`127.0.0.1:${dead}`], environment: 'dev' },
      { name: 'zk staging', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'staging' },
    ]);
    page = ui.page;
    await connect(page, 'zk dev');
    await page.getByTestId('search-tab').click();
    await page.getByTestId('search-view').waitFor();
  });

  afterAll(async () => {
    await ui?.close();
    await seeder?.close();
    await zk?.stop();
  });

  it('finds values by regex in the subtree and highlights the match in each excerpt', async () => {
    // The open connection is the source until another is chosen.
    expect(await page.getByTestId('search-source').inputValue()).not.toBe('');
    await fillSearch(page, '/app', 'db-\\d\\.prod');
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    const rows = page.getByTestId('search-row');
    await expect.poll(() => rows.count()).toBe(2);
    const paths = (await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-path')))).sort();
    expect(paths).toEqual(['/cache.properties', '/db.json']);
    const marks = await page.locator('[data-testid=search-excerpt] mark').allInnerTexts();
    expect(marks.sort()).toEqual(['db-1.prod', 'db-2.prod']);
    expect(await page.getByTestId('search-matched').getAttribute('data-count')).toBe('2');
    // The arrows move a cursor over the matches (Enter opens the one under it).
    await page.getByTestId('search-results').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-testid=search-row][data-index="1"]').getAttribute('aria-selected')).toBe(
      'true',
    );
    await screenshot(page, 'search-results');
  });

  it('matches inside JSON documents with the JSON-aware option, naming the pointer', async () => {
    await page.getByTestId('search-json').check();
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    const row = page.locator('[data-testid=search-row][data-path="/db.json"]');
    await row.waitFor();
    expect(await row.getAttribute('data-field')).toBe('json-value');
    expect(await row.getByTestId('search-pointer').innerText()).toBe('/db/host');
    await screenshot(page, 'search-json');
    await page.getByTestId('search-json').uncheck();
  });

  it('streams matches of a big subtree as they are found, and cancels the search, keeping them', async () => {
    await fillSearch(page, '/bulk', 'item-\\d*7$');
    await page.getByTestId('search-start').click();
    // Matches show while the walk goes on.
    await expect
      .poll(async () => Number(await page.getByTestId('search-results').getAttribute('data-count')), {
        interval: 20,
      })
      .toBeGreaterThan(0);
    expect(await state(page)).toBe('running');
    await page.getByTestId('search-cancel').click();
    await expect.poll(() => state(page)).toBe('cancelled');
    const scanned = Number((await page.getByTestId('search-scanned').innerText()).replace(/[^0-9]/g, ''));
    expect(scanned).toBeLessThan(BULK);
    const kept = Number(await page.getByTestId('search-results').getAttribute('data-count'));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(BULK / 10);
    expect(await page.getByTestId('search-row').first().getAttribute('data-path')).toMatch(/^\/n\d*7$/);
    await screenshot(page, 'search-cancelled');
  });

  it('opens a match in the Browser tab', async () => {
    await fillSearch(page, '/app', 'db-1');
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    await page.locator('[data-testid=search-row][data-store-path="/app/db.json"]').click();
    expect(await page.getByTestId('browser-tab').getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-testid=value-panel][data-path="/app/db.json"]').waitFor();
    await page.locator('[data-testid=tree-row][data-path="/app/db.json"]').waitFor();
    await expect.poll(() => editorText(page)).toContain('db-1.prod.internal');
    await screenshot(page, 'search-opened');
  });

  it('opens a match of another saved connection by connecting to it first', async () => {
    await page.getByTestId('search-tab').click();
    await page.getByTestId('search-source').selectOption({ label: 'zk staging' });
    await fillSearch(page, '/app', 'db-2');
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    await page.locator('[data-testid=search-row][data-store-path="/app/cache.properties"]').click();
    await page.locator('[data-testid=connection-item][data-name="zk staging"][data-active=true]').waitFor();
    await page.locator('[data-testid=value-panel][data-path="/app/cache.properties"]').waitFor();
    await expect.poll(() => editorText(page)).toContain('cache.host=db-2.prod.internal');
    expect(await page.getByTestId('env-label').getAttribute('data-env')).toBe('staging');
    await connect(page, 'zk dev');
    await page.getByTestId('search-tab').click();
    await page.getByTestId('search-source').selectOption({ label: 'zk dev' });
  });

  it('searches a snapshot file by path and value, whose matches are in no store to open', async () => {
    await page.getByTestId('search-tab').click();
    await page.getByTestId('search-source').selectOption('__snapshot__');
    await page.getByTestId('search-root').fill(SNAPSHOT_FILE);
    await page.getByTestId('search-path').fill('/db/');
    await page.getByTestId('search-value-mode').selectOption('substring');
    await page.getByTestId('search-value').fill('PROD.internal');
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    const rows = page.getByTestId('search-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-path')).toBe('/db/url');
    // Case-insensitive unless asked: the mark shows the text as the value holds it.
    expect(await rows.first().locator('mark').innerText()).toBe('prod.internal');
    expect(await rows.first().getAttribute('title')).toMatch(/snapshot/i);
    await page.getByTestId('search-case').check();
    await page.getByTestId('search-start').click();
    await expect.poll(() => state(page)).toBe('done');
    expect(await rows.count()).toBe(0);
    await page.getByTestId('search-empty').getByText('Nothing matched.').waitFor();
    await page.getByTestId('search-case').uncheck();
    await page.getByTestId('search-path').fill('');
    await page.getByTestId('search-source').selectOption({ label: 'zk dev' });
  });

  it('says in one sentence that a regex is invalid, and that a server is unreachable', async () => {
    await page.getByTestId('search-tab').click();
    await fillSearch(page, '/app', 'db-([');
    await page.getByTestId('search-start').click();
    const error = page.getByTestId('search-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('INVALID_INPUT');
    expect((await error.innerText()).trim()).toMatch(/^[^.]+\.$|regular expression/i);
    await screenshot(page, 'search-invalid-regex');

    const gone = await page
      .getByTestId('search-source')
      .locator('option', { hasText: 'zk gone' })
      .getAttribute('value');
    await page.getByTestId('search-source').selectOption(gone!);
    await fillSearch(page, '/', 'x');
    await page.getByTestId('search-start').click();
    await expect
      .poll(async () => page.getByTestId('search-error').getAttribute('data-code'), { timeout: 60_000 })
      .toMatch(/UNREACHABLE|TIMEOUT/);
    expect(await page.getByTestId('search-row').count()).toBe(0);
    // One sentence: no counts of a search that never reached the server.
    expect(await page.getByTestId('search-progress').count()).toBe(0);
    await screenshot(page, 'search-unreachable');
  });
});
