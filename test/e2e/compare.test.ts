import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { launchBrowser } from './support/browser.js';
import { startCompare } from './support/page-helpers.js';
import { startWebApp, type WebApp } from './support/web-app.js';

// The Compare tab in Chromium against real ZooKeeper (staging) and etcd (prod); a second core seeds and checks.
describe('compare and sync in the browser', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let other: CoreClient;
  let etcdId: string;

  const read = async (path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId: etcdId, path })).valueBase64);

  beforeAll(async () => {
    [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
    other = await startCoreClient('seeder');
    const zkId = (
      await other.call('connections.save', {
        name: 'seed-zk',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
      })
    ).id;
    etcdId = (
      await other.call('connections.save', { name: 'seed-etcd', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    const create = (connectionId: string, path: string, value: string) =>
      other.call('node.create', { connectionId, path, valueBase64: b64(value) });
    await create(zkId, '/app', '');
    await create(zkId, '/app/only-left', 'left only');
    await create(zkId, '/app/changed', 'left value 1');
    await create(zkId, '/app/same', 'same');
    await create(etcdId, '/app/changed', 'right value 2');
    await create(etcdId, '/app/same', 'same');

    app = await startWebApp([
      { name: 'zk staging', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'staging' },
      { name: 'etcd prod', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'prod' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await other?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  it('compares zk staging:/app with etcd prod:/app and shows the counts', async () => {
    await startCompare(
      page,
      { connection: 'zk staging', path: '/app' },
      { connection: 'etcd prod', path: '/app' },
    );
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-only-left')).toBe('1');
    expect(await summary.getAttribute('data-only-right')).toBe('0');
    expect(await summary.getAttribute('data-changed')).toBe('1');
    expect(await summary.getAttribute('data-same')).toBe('1');
    await page.locator('[data-testid=compare-row][data-status=only-left]').waitFor();
    expect(await page.locator('[data-testid=compare-row][data-status=same]').count()).toBe(0);
  });

  it('shows both values of a changed key side by side', async () => {
    await page.locator('[data-testid=compare-row][data-status=changed]').click();
    // Monaco draws spaces as U+00A0.
    const diffText = async () =>
      (await page.locator('[data-testid=compare-value-diff] .view-lines').allInnerTexts())
        .join('\n')
        .replace(/\u00a0/g, ' ');
    await expect.poll(diffText).toContain('left value 1');
    expect(await diffText()).toContain('right value 2');
  });

  it('plans left → right and applies to prod after the typed confirmation', async () => {
    await page.getByTestId('sync-direction').selectOption('left-to-right');
    await page.getByTestId('sync-plan').click();
    await page.locator('[data-testid=sync-item][data-action=create]').waitFor();
    await page.locator('[data-testid=sync-item][data-action=update]').waitFor();
    expect(await page.locator('[data-testid=sync-item] input[type=checkbox]:checked').count()).toBe(2);
    expect(await page.getByTestId('sync-counts').innerText()).toBe('create 1 · update 1');
    await page.getByTestId('sync-apply').click();
    await page.getByTestId('sync-confirm-input').fill('etcd prod');
    await page.getByTestId('sync-confirm-submit').click();
    const report = page.locator('[data-testid=sync-report][data-state=done]');
    await report.waitFor({ timeout: 15_000 });
    expect(await report.getAttribute('data-applied')).toBe('2');
    expect(await report.getAttribute('data-conflicts')).toBe('0');
    expect(await report.getAttribute('data-failed')).toBe('0');
    expect(await read('/app/only-left')).toBe('left only');
    expect(await read('/app/changed')).toBe('left value 1');
    // The plan was applied: a new comparison is needed to sync again.
    expect(await page.getByTestId('sync-apply').isDisabled()).toBe(true);
  });

  it('compares again and finds both sides equal', async () => {
    await page.getByTestId('sync-compare-again').click();
    const summary = page.locator('[data-testid=compare-summary][data-same="3"]');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.getAttribute('data-only-left')).toBe('0');
    expect(await summary.getAttribute('data-changed')).toBe('0');
    expect(await page.getByTestId('sync-report').count()).toBe(0);
  });

  it('records the sync writes in the audit log', async () => {
    await page.getByTestId('audit-tab').click();
    await page.getByTestId('audit-refresh').click();
    await page
      .locator('[data-testid=audit-row][data-path="/app/only-left"][data-operation=create]')
      .waitFor();
    await page.locator('[data-testid=audit-row][data-path="/app/changed"][data-operation=set]').waitFor();
  });
});
