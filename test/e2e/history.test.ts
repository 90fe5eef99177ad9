import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const ZNODE = '/cfg/app.json';
const KEY = '/svc/db/url';
/** An etcd key created and deleted before the UI ever opens it. */
const GONE = '/svc/old/flag';

/** The text one side of the history diff shows (only rendered lines; Monaco draws spaces as U+00A0). */
const diffSide = async (page: Page, side: 'original' | 'modified') =>
  (await page.locator(`[data-testid=history-diff] .${side} .view-lines`).innerText()).replace(/\u00a0/g, ' ');

// The History pane in Chromium against real servers: a ZooKeeper node (which keeps no history) saved twice
// through the UI shows this machine's audit versions, diffs and restores them, and a restore refused because
// a second client wrote meanwhile goes to the value panel's conflict flow; an etcd key shows the server's own
// versions, a deletion between its lives included. What a Watch tab stream saw is listed too.
describe('history of a node in the browser', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;
  /** Another operator on another machine: its writes are in no audit of the UI's core. */
  let other: CoreClient;
  let zkId: string;
  let etcdId: string;

  const read = async (connectionId: string, path: string) =>
    text((await other.call('node.get', { connectionId, path })).valueBase64);
  const write = async (connectionId: string, path: string, value: string) => {
    const current = await other.call('node.get', { connectionId, path });
    await other.call('node.set', { connectionId, path, valueBase64: b64(value), token: current.token });
  };

  beforeAll(async () => {
    [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
    other = await startCoreClient('other-operator');
    zkId = (
      await other.call('connections.save', { name: 'zk', kind: 'zookeeper', endpoints: [zk.connectString] })
    ).id;
    etcdId = (
      await other.call('connections.save', { name: 'etcd', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    await other.call('connections.open', { id: zkId });
    await other.call('connections.open', { id: etcdId });
    await other.call('node.create', { connectionId: zkId, path: '/cfg', valueBase64: '' });
    await other.call('node.create', { connectionId: zkId, path: ZNODE, valueBase64: b64('{"v":0}') });
    // etcd: three versions, a deletion, and a second life of the key.
    await other.call('node.create', {
      connectionId: etcdId,
      path: KEY,
      valueBase64: b64('postgres://db-1/v1'),
    });
    await write(etcdId, KEY, 'postgres://db-1/v2');
    await write(etcdId, KEY, 'postgres://db-1/v3');
    const before = await other.call('node.get', { connectionId: etcdId, path: KEY });
    await other.call('node.delete', {
      connectionId: etcdId,
      path: KEY,
      token: before.token,
      recursive: false,
    });
    await other.call('node.create', {
      connectionId: etcdId,
      path: KEY,
      valueBase64: b64('postgres://db-2/v1'),
    });

    await other.call('node.create', { connectionId: etcdId, path: GONE, valueBase64: b64('enabled') });
    const gone = await other.call('node.get', { connectionId: etcdId, path: GONE });
    await other.call('node.delete', {
      connectionId: etcdId,
      path: GONE,
      token: gone.token,
      recursive: false,
    });

    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'etcd dev', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'dev' },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  it('lists a ZooKeeper node saved twice through the UI as two audit versions, saying ZooKeeper keeps none', async () => {
    await connect(page, 'zk dev');
    await openPath(page, ZNODE);
    await expect.poll(() => editorText(page)).toContain('"v":0');
    for (const v of [1, 2]) {
      await typeIntoEditor(page, `{"v":${v}}`);
      await saveWithConfirm(page);
      await expect.poll(() => read(zkId, ZNODE)).toBe(`{"v":${v}}`);
      await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });
    }
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-view').waitFor();
    const audit = page.locator('[data-testid=history-row][data-source=audit]');
    await expect.poll(() => audit.count()).toBe(2);
    // Newest first: the second save, then the first.
    expect(await audit.nth(0).innerText()).toMatch(/updated/);
    const notes = await page.getByTestId('history-note').allInnerTexts();
    expect(notes.join(' ')).toMatch(/ZooKeeper keeps no history/i);
    await screenshot(page, 'history-zookeeper');
  });

  it('diffs a version against the current value, then against another version', async () => {
    const audit = page.locator('[data-testid=history-row][data-source=audit]');
    await audit.nth(1).click();
    await page.locator('[data-testid=history-diff] .modified .view-lines').waitFor();
    await expect.poll(() => diffSide(page, 'modified')).toContain('"v":1');
    await expect.poll(() => diffSide(page, 'original')).toContain('"v":2');
    expect(await page.getByTestId('history-sides').innerText()).toMatch(/current value/);

    const newer = await audit.nth(0).getAttribute('data-id');
    await page.getByTestId('history-compare-with').selectOption(newer!);
    await page.locator(`.history-diff[data-with="${newer}"]`).waitFor();
    await expect.poll(() => diffSide(page, 'original')).toContain('"v":2');
    await expect.poll(() => diffSide(page, 'modified')).toContain('"v":1');
    await screenshot(page, 'history-diff');
  });

  it('restores the older version as an audited save', async () => {
    await page.getByTestId('history-restore').click();
    await page.getByTestId('restore-dialog').waitFor();
    await screenshot(page, 'history-restore-dialog');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => read(zkId, ZNODE)).toBe('{"v":1}');
    // The restore is a third audit version.
    await expect.poll(() => page.locator('[data-testid=history-row][data-source=audit]').count()).toBe(3);
    await page.getByTestId('value-pane-button').click();
    await expect.poll(() => editorText(page)).toContain('"v":1');
  });

  it('refuses a restore when a second client wrote meanwhile, and shows the conflict in the value panel', async () => {
    await page.getByTestId('history-button').click();
    const audit = page.locator('[data-testid=history-row][data-source=audit]');
    await expect.poll(() => audit.count()).toBe(3);
    // Newest first: the restore ({"v":1}), the second save ({"v":2}), the first save ({"v":1}).
    await audit.nth(1).click();
    await expect.poll(() => diffSide(page, 'modified')).toContain('"v":2');
    await page.getByTestId('history-restore').click();
    await page.getByTestId('restore-dialog').waitFor();
    await write(zkId, ZNODE, '{"v":"theirs"}');
    await page.getByTestId('restore-confirm').click();
    await page.locator('[data-testid=conflict-panel][data-reason=conflict]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid=value-panel]').getAttribute('data-pane')).toBe('value');
    expect(await read(zkId, ZNODE)).toBe('{"v":"theirs"}');
    await screenshot(page, 'history-restore-conflict');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => editorText(page)).toContain('theirs');
  });

  it('lists what a Watch tab stream saw of changes made elsewhere', async () => {
    await page.locator(`[data-testid=tree-row][data-path="${ZNODE}"]`).click({ button: 'right' });
    await page.getByTestId('tree-action-watch-node').click();
    await page.locator(`[data-testid=stream-pane][data-path="${ZNODE}"]`).waitFor();
    await page.locator('[data-testid=stream-state][data-state=running]').waitFor();
    await write(zkId, ZNODE, '{"v":"watched"}');
    await expect
      .poll(async () => Number(await page.getByTestId('stream-events').getAttribute('data-count')))
      .toBeGreaterThan(0);
    await page.getByTestId('browser-tab').click();
    await page.getByTestId('history-button').click();
    const watched = page.locator('[data-testid=history-row][data-source=watch]');
    await expect.poll(() => watched.count()).toBeGreaterThanOrEqual(1);
    await watched.first().click();
    await expect.poll(() => diffSide(page, 'modified')).toContain('watched');
    await page.getByTestId('history-entry-note').waitFor();
    // What the stream saw is what the node holds now, and the pane says so.
    await page.getByTestId('history-same').waitFor();
    await screenshot(page, 'history-watch');
  });

  it("shows an etcd key's server versions with revisions, and its deletion as one that cannot be restored", async () => {
    await connect(page, 'etcd dev');
    await openPath(page, KEY);
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-view').waitFor();
    const server = page.locator('[data-testid=history-row][data-source=server]');
    await expect.poll(() => server.count()).toBeGreaterThanOrEqual(5);
    // Newest first: the second life (created), the deletion, then v3, v2, v1 of the first life.
    expect(await server.nth(0).getAttribute('data-operation')).toBe('create');
    expect(await server.nth(1).getAttribute('data-operation')).toBe('delete');
    expect(await server.nth(0).innerText()).toMatch(/revision \d+/);
    await server.nth(0).locator('.current-badge').waitFor();

    await server.nth(1).click();
    await page.getByTestId('history-no-value').waitFor();
    expect(await page.getByTestId('history-restore').isDisabled()).toBe(true);
    await page.getByTestId('history-restore-note').waitFor();

    await server.nth(4).click();
    await expect.poll(() => diffSide(page, 'modified')).toContain('postgres://db-1/v1');
    await expect.poll(() => diffSide(page, 'original')).toContain('postgres://db-2/v1');
    expect(await page.getByTestId('history-restore').isDisabled()).toBe(false);
    await screenshot(page, 'history-etcd');
  });

  it('offers the history of a key that does not exist, and creates it again from a version', async () => {
    const input = page.getByTestId('go-to-path');
    await input.fill(GONE);
    await input.press('Enter');
    await page.getByTestId('missing-history-button').click();
    const server = page.locator('[data-testid=history-row][data-source=server]');
    await expect.poll(() => server.count()).toBe(2);
    expect(await server.nth(0).getAttribute('data-operation')).toBe('delete');
    await server.nth(1).click();
    await expect.poll(() => diffSide(page, 'modified')).toContain('enabled');
    expect(await page.getByTestId('history-sides').innerText()).toMatch(/does not exist/);
    await page.getByTestId('history-restore').click();
    await page.getByTestId('restore-dialog').getByText('to create the node again').waitFor();
    await screenshot(page, 'history-missing-node');
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => read(etcdId, GONE)).toBe('enabled');
    await page
      .locator(`[data-testid=value-panel][data-path="${GONE}"] [data-testid=value-pane-button]`)
      .click();
    await expect.poll(() => editorText(page)).toContain('enabled');
  });
});
