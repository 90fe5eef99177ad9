import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { CSV_HEADER, type StreamRecord } from '../../shared/model/stream-records.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { b64, startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const NODES = ['/app/a/n0', '/app/a/n1', '/app/a/n2', '/app/b/n0', '/app/b/n1'];
const value = (path: string, round: number) => JSON.stringify({ path, round });

/** The number of events the table holds (its data-count), and of those drawn of one type. */
const tableCount = async (page: Page) =>
  Number(await page.getByTestId('stream-events').getAttribute('data-count'));
const typeCount = async (page: Page, type: string) =>
  Number(await page.locator(`[data-testid=stream-count][data-type=${type}]`).getAttribute('data-count'));

/** Clicks an export button and returns the downloaded file's text. */
async function exported(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

// The Watch tab in Chromium against a real ZooKeeper: a subtree watched from the tree, 50 changes made by
// another, independent client, each seen with the value before and after, then pause, filter and export.
describe('watching a ZooKeeper subtree in the browser', () => {
  let zk: ZooKeeperServer;
  let ui: ConsolePage;
  let page: Page;
  let writer: ZkClient;
  let round = 0;
  /** The nodes that exist (one is deleted on the way). */
  const nodes = [...NODES];

  /** One round of changes: every node set once, in order (5 changes while all five exist). */
  const changeAll = async () => {
    round += 1;
    for (const path of nodes) await writer.setData(path, Buffer.from(value(path, round)));
  };

  beforeAll(async () => {
    zk = await startZooKeeper();
    writer = await connectedZkClient(zk.connectString);
    for (const path of ['/app', '/app/a', '/app/b']) await writer.create(path, Buffer.alloc(0));
    for (const path of NODES) await writer.create(path, Buffer.from(value(path, 0)));
    ui = await openConsole([{ name: 'zk watch', kind: 'zookeeper', endpoints: [zk.connectString] }]);
    page = ui.page;
    await connect(page, 'zk watch');
  });

  afterAll(async () => {
    await ui?.close();
    await writer?.close();
    await zk?.stop();
  });

  it('starts a stream of a subtree from the tree row’s actions', async () => {
    await page.locator('[data-testid=tree-row][data-path="/app"]').click({ button: 'right' });
    await page.getByTestId('tree-row-menu').waitFor();
    await screenshot(page, 'watch-tree-menu');
    await page.getByTestId('tree-action-watch-subtree').click();
    const pane = page.locator('[data-testid=stream-pane][data-path="/app"]');
    await pane.waitFor();
    expect(await page.getByTestId('watch-tab').getAttribute('aria-selected')).toBe('true');
    await page.locator('[data-testid=stream-state][data-state=running]').waitFor();
    expect(await page.getByTestId('stream-method').innerText()).toMatch(/watch/i);
  });

  it('shows the 50 changes another client makes, each with the diff of its value', async () => {
    // Round by round: ZooKeeper sends no values with its events, so the stream reads each node after its
    // event; a node changed again before that read shows the later value (and says so). Each round's
    // events are in before the next round, so every diff here is exactly one round.
    for (let i = 1; i <= 10; i++) {
      await changeAll();
      await expect.poll(() => typeCount(page, 'changed'), { timeout: 15_000 }).toBe(5 * i);
    }
    await expect
      .poll(() => page.locator('[data-testid=stream-event][data-type=changed]').count())
      .toBeGreaterThan(0);
    expect(await tableCount(page)).toBe(50);
    await screenshot(page, 'watch-events');

    // Newest on top: the last change of the last round.
    const newest = page.locator('[data-testid=stream-event][data-type=changed]').first();
    expect(await newest.getAttribute('data-path')).toBe('/app/b/n1');
    await newest.click();
    const dialog = page.getByTestId('event-diff-dialog');
    await dialog.waitFor();
    const sides = async (selector: string) =>
      (await dialog.locator(`${selector} .view-lines .view-line`).allInnerTexts())
        .join('\n')
        .replace(/\u00a0/g, ' ');
    await expect.poll(() => sides('.editor.original')).toContain('"round":9');
    expect(await sides('.editor.modified')).toContain('"round":10');
    await screenshot(page, 'watch-diff');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('keeps events arriving while paused and shows them on resume', async () => {
    await page.getByTestId('stream-pause').click();
    await changeAll();
    await expect.poll(() => typeCount(page, 'changed'), { timeout: 15_000 }).toBe(55);
    await expect
      .poll(async () => Number(await page.getByTestId('stream-buffered').getAttribute('data-count')))
      .toBe(5);
    expect(await tableCount(page)).toBe(50);
    await screenshot(page, 'watch-paused');
    await page.getByTestId('stream-pause').click();
    await expect.poll(() => tableCount(page)).toBe(55);
  });

  it('filters by path glob and by type on the server side', async () => {
    await page.getByTestId('stream-filter-glob').fill('/app/a/**');
    await page.locator('[data-testid=stream-pane][data-filtering=true]').waitFor();
    await expect.poll(() => tableCount(page)).toBe(33);
    const paths = await page
      .locator('[data-testid=stream-event]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path')));
    expect(paths.every((path) => path?.startsWith('/app/a/'))).toBe(true);
    // New events matching the filter keep coming in.
    await changeAll();
    await expect.poll(() => tableCount(page), { timeout: 15_000 }).toBe(36);
    await screenshot(page, 'watch-filtered');

    await page.locator('[data-testid=stream-filter-type][data-type=deleted]').click();
    await expect.poll(() => tableCount(page)).toBe(0);
    await writer.delete('/app/a/n2');
    nodes.splice(nodes.indexOf('/app/a/n2'), 1);
    await expect.poll(() => tableCount(page), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid=stream-event]').first().getAttribute('data-type')).toBe(
      'deleted',
    );
    await page.locator('[data-testid=stream-filter-type][data-type=deleted]').click();
    await page.getByTestId('stream-filter-glob').fill('');
    await page.locator('[data-testid=stream-pane][data-filtering=false]').waitFor();
    await expect.poll(() => tableCount(page)).toBe(61);
  });

  it('exports what it shows as NDJSON and CSV, with paths relative to the watched root', async () => {
    await page.getByTestId('stream-filter-glob').fill('/app/b/**');
    await expect.poll(() => tableCount(page)).toBe(24);
    const ndjson = await exported(page, 'stream-export-ndjson');
    expect(ndjson.name).toMatch(/^watch-app-.*\.ndjson$/);
    const records = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as StreamRecord);
    expect(records).toHaveLength(24);
    expect(records.every((r) => r.type === 'changed' && r.path.startsWith('/b/'))).toBe(true);
    const last = records[records.length - 1]!;
    expect(last.path).toBe('/b/n1');
    expect(last.after).toEqual({
      encoding: 'utf8',
      value: value('/app/b/n1', round),
      size: value('/app/b/n1', round).length,
    });
    expect(last.before?.value).toBe(value('/app/b/n1', round - 1));

    const csv = await exported(page, 'stream-export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(25);
    expect(lines[24]).toContain(',changed,/b/n1,');
  });

  it('clears the stream and counts anew', async () => {
    await page.getByTestId('stream-filter-glob').fill('');
    await page.getByTestId('stream-clear').click();
    await expect.poll(() => tableCount(page)).toBe(0);
    await expect.poll(() => typeCount(page, 'changed')).toBe(0);
    await changeAll();
    await expect.poll(() => tableCount(page), { timeout: 15_000 }).toBe(4);
    expect(await typeCount(page, 'changed')).toBe(4);
    // Sequence numbers go on after a clear: the newest event is still the newest change.
    expect(await page.locator('[data-testid=stream-event]').first().getAttribute('data-path')).toBe(
      '/app/b/n1',
    );
  });

  it('finds its streams again after a reload of the window', async () => {
    await page.reload();
    await connect(page, 'zk watch');
    await page.getByTestId('watch-tab').click();
    await page.locator('[data-testid=stream-tab][data-path="/app"][data-state=running]').waitFor();
    await expect.poll(() => tableCount(page)).toBe(4);
  });

  it('shows a lost connection as rows, the gap named from its start to its end', async () => {
    await zk.kill();
    await page.locator('[data-testid=stream-event][data-type=disconnected]').waitFor({ timeout: 20_000 });
    await zk.restart();
    const back = page.locator('[data-testid=stream-event][data-type=reconnected]');
    await back.waitFor({ timeout: 30_000 });
    expect(await back.innerText()).toMatch(/disconnected \d\d:\d\d:\d\d – \d\d:\d\d:\d\d/);
    // The whole sentence (what the gap may hide) opens on a click.
    await back.click();
    expect(await page.getByTestId('event-detail').innerText()).toMatch(/gap/);
    await page.keyboard.press('Escape');
    // The writer's own session may not outlive the restart: the change after the gap comes from a fresh one.
    await writer.close();
    writer = await connectedZkClient(zk.connectString);
    await changeAll();
    await expect
      .poll(() => page.locator('[data-testid=stream-event]').first().getAttribute('data-path'), {
        timeout: 15_000,
      })
      .toBe('/app/b/n1');
    await screenshot(page, 'watch-reconnected');
  });
});

// The same tab on etcd, started by typing a path, and the Watchers pane saying plainly what etcd cannot tell.
describe('watching an etcd prefix typed by path', () => {
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;
  let etcdId: string;

  beforeAll(async () => {
    etcd = await startEtcd();
    other = await startCoreClient('other-operator');
    etcdId = (
      await other.call('connections.save', { name: 'seed', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    await other.call('node.create', {
      connectionId: etcdId,
      path: '/svc/db/url',
      valueBase64: b64('postgres://a'),
    });
    ui = await openConsole([{ name: 'etcd watch', kind: 'etcd', endpoints: [etcd.endpoint] }]);
    page = ui.page;
    await connect(page, 'etcd watch');
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await etcd?.stop();
  });

  it('streams creates, changes and deletes under the typed prefix with etcd revisions', async () => {
    await page.getByTestId('watch-tab').click();
    await page.getByTestId('watch-path').fill('/svc');
    await page.getByTestId('watch-start').click();
    await page.locator('[data-testid=stream-pane][data-path="/svc"]').waitFor();
    await page.locator('[data-testid=stream-state][data-state=running]').waitFor();
    const current = await other.call('node.get', { connectionId: etcdId, path: '/svc/db/url' });
    await other.call('node.set', {
      connectionId: etcdId,
      path: '/svc/db/url',
      valueBase64: b64('postgres://b'),
      token: current.token,
    });
    await other.call('node.create', { connectionId: etcdId, path: '/svc/db/pool', valueBase64: b64('10') });
    await other.call('node.delete', {
      connectionId: etcdId,
      path: '/svc/db/pool',
      recursive: false,
      token: null,
    });
    await expect.poll(() => tableCount(page), { timeout: 15_000 }).toBe(3);
    const types = await page
      .locator('[data-testid=stream-event]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')));
    expect(types).toEqual(['deleted', 'created', 'changed']);
    expect(await page.locator('.event-head .event-mark').innerText()).toBe('Revision');
    await screenshot(page, 'watch-etcd');
  });

  it('says that etcd does not tell who watches a key', async () => {
    await page.getByTestId('browser-tab').click();
    await openPath(page, '/svc/db/url');
    await page.getByTestId('watchers-button').click();
    expect(await page.getByTestId('watchers-unknown').innerText()).toBe(
      'etcd does not tell which clients watch a key.',
    );
    await screenshot(page, 'watchers-etcd');
  });
});
