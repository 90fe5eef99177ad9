import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { startZooKeeperEnsemble, type ZooKeeperEnsemble } from '../servers/zookeeper.ensemble.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { b64, startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const member = (page: Page, address: string) =>
  page.locator(`[data-testid=server-member][data-address="${address}"]`);

// A three-member ZooKeeper ensemble seen in the real UI: the Servers view and the status bar follow a member
// stopped and started again (within the 10 s the issue allows), and the Watchers pane finds a watch and an
// ephemeral node's owner set by another, independent client.
describe('servers and watchers in the browser', () => {
  let zk: ZooKeeperEnsemble;
  let ui: ConsolePage;
  let page: Page;
  let client: ZkClient;

  beforeAll(async () => {
    zk = await startZooKeeperEnsemble({ size: 3 });
    client = await connectedZkClient(zk.members[0]!.connectString);
    await client.create('/app', Buffer.alloc(0));
    await client.create('/app/config.json', Buffer.from('{"limit":1}'));
    await client.create('/app/leader', Buffer.from('me'), { mode: 'ephemeral' });
    await client.getData('/app/config.json', { watch: () => undefined });
    ui = await openConsole([{ name: 'zk ensemble', kind: 'zookeeper', endpoints: [zk.connectString] }]);
    page = ui.page;
    await connect(page, 'zk ensemble');
  });

  afterAll(async () => {
    await ui?.close();
    await client?.close();
    await zk?.stop();
  });

  it('offers the optional AdminServer URL in the ZooKeeper connection form', async () => {
    await page.getByTestId('new-connection').click();
    await page.getByTestId('connection-form').waitFor();
    await page.getByTestId('conn-kind').selectOption('zookeeper');
    const field = page.getByTestId('conn-admin-server-url');
    await field.fill('zk1:8080');
    await page.getByTestId('conn-name').fill('zk admin');
    await page.getByTestId('conn-endpoints').fill(zk.connectString);
    await page.getByTestId('conn-save').click();
    // A URL without its scheme is refused in the form, with the reason beside the field.
    expect(await page.getByTestId('connection-form').innerText()).toContain(
      'starts with http:// or https://',
    );
    await field.fill('http://127.0.0.1:8080/commands');
    await screenshot(page, 'connection-form-admin-server');
    await page.getByTestId('conn-cancel').click();
    await page.getByTestId('connection-form').waitFor({ state: 'detached' });
  });

  it('lists every member up, with its role, in the Servers view and the status bar', async () => {
    await page.getByTestId('servers-tab').click();
    await page.getByTestId('servers-view').waitFor();
    for (const m of zk.members) await member(page, m.connectString).waitFor();
    await expect.poll(() => page.locator('[data-testid=server-member][data-up=true]').count()).toBe(3);
    const roles = await page
      .locator('[data-testid=server-member]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-role')));
    expect(roles.filter((role) => role === 'leader')).toHaveLength(1);
    expect(roles.filter((role) => role === 'follower')).toHaveLength(2);
    const bar = page.getByTestId('servers-health');
    await expect.poll(() => bar.innerText()).toContain('3/3 up');
    expect(await bar.getAttribute('data-tone')).toBe('ok');
    await screenshot(page, 'servers-view-all-up');
  });

  it('shows who is connected on demand, as tables or the sentence why not', async () => {
    await page.getByTestId('diagnostics-load').click();
    await page.getByTestId('diagnostic-table').first().waitFor();
    const tables = page.getByTestId('diagnostic-table');
    expect(await tables.count()).toBeGreaterThan(0);
    // Our seeding client is connected to the first member: some connections table lists it.
    await expect.poll(() => page.getByTestId('diagnostic-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'servers-view-connections');
  });

  it('turns a stopped member red within 10 s, in the view and the status bar, and green after its restart', async () => {
    const stopped = zk.members[2]!;
    await stopped.kill();
    const started = Date.now();
    await member(page, stopped.connectString)
      .and(page.locator('[data-up=false]'))
      .waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=servers-health][data-tone=bad]').waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.getByTestId('servers-health').innerText()).toContain('2/3 up');
    expect(await page.getByTestId('servers-summary').innerText()).toContain('2/3 up');
    await screenshot(page, 'servers-view-member-down');

    await stopped.restart();
    await member(page, stopped.connectString)
      .and(page.locator('[data-up=true]'))
      .waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=servers-health][data-up="3"]').waitFor({ timeout: 10_000 });
    // Green again (amber only while the members still disagree on their counts, which the view names).
    expect(await page.getByTestId('servers-health').getAttribute('data-tone')).not.toBe('bad');
    expect(await page.getByTestId('servers-health').innerText()).toContain('3/3 up');
    await screenshot(page, 'servers-view-member-back');
  });

  it('asks the cost before listing who watches, then finds the other client’s watch with its address', async () => {
    await page.getByTestId('browser-tab').click();
    await openPath(page, '/app/config.json');
    await page.getByTestId('watchers-button').click();
    const cost = page.getByTestId('watchers-cost');
    await cost.waitFor();
    expect(await cost.innerText()).toMatch(/watch/i);
    await screenshot(page, 'watchers-cost');
    await page.getByTestId('watchers-confirm').click();
    const row = page.locator('[data-testid=watcher-row]').first();
    await row.waitFor({ timeout: 15_000 });
    const session = `0x${client.sessionId.toString(16)}`;
    await page.locator(`[data-testid=watcher-row][data-session="${session}"]`).waitFor();
    expect(await page.locator(`[data-testid=watcher-row][data-session="${session}"]`).innerText()).toMatch(
      /127\.0\.0\.1:\d+/,
    );
    // Child watches are counted by the server but not listed: the pane says so.
    expect(await page.getByTestId('watchers-view').innerText()).toMatch(/child/i);
    await screenshot(page, 'watchers-answer');
  });

  it('names the session and client address that own an ephemeral node', async () => {
    await openPath(page, '/app/leader');
    await page.getByTestId('watchers-button').click();
    await page.getByTestId('owner-query').click();
    const report = page.getByTestId('owner-report');
    await report.waitFor({ timeout: 15_000 });
    expect(await report.getAttribute('data-owned')).toBe('true');
    expect(await page.getByTestId('owner-session').innerText()).toBe(`0x${client.sessionId.toString(16)}`);
    expect(await page.getByTestId('owner-client').first().innerText()).toMatch(/127\.0\.0\.1:\d+/);
    await screenshot(page, 'watchers-owner');
  });
});

// etcd in the Servers view: its member with its status, and the leases with their remaining TTL and keys.
describe('etcd servers and leases in the browser', () => {
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;

  beforeAll(async () => {
    etcd = await startEtcd();
    other = await startCoreClient('other-operator');
    const id = (
      await other.call('connections.save', { name: 'seed', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    await other.call('node.create', {
      connectionId: id,
      path: '/locks/worker-1',
      valueBase64: b64('alive'),
      mode: { leaseTtlSec: 300 },
    });
    ui = await openConsole([{ name: 'etcd dev', kind: 'etcd', endpoints: [etcd.endpoint] }]);
    page = ui.page;
    await connect(page, 'etcd dev');
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await etcd?.stop();
  });

  it('lists the member up and the lease with its remaining TTL and its key', async () => {
    await page.getByTestId('servers-tab').click();
    await page.locator('[data-testid=server-member][data-up=true]').first().waitFor();
    await page.locator('[data-testid=servers-health][data-tone=ok]').waitFor();
    const lease = page.getByTestId('lease-row').first();
    await lease.waitFor();
    expect(await lease.innerText()).toMatch(/\d+ min \d+ sec|\d+ sec/);
    await lease.getByTestId('lease-show-keys').click();
    await page.locator('[data-testid=lease-key]', { hasText: '/locks/worker-1' }).waitFor();
    await screenshot(page, 'servers-etcd-leases');
  });
});
