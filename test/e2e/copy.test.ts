import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

// Copy, rename and drag and drop in Chromium against a real ZooKeeper (dev) and etcd (prod); a second core
// seeds the stores and checks what the copy wrote.
describe('copy, move and rename subtrees in the browser', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;
  let zkId: string;
  let etcdId: string;

  const read = async (connectionId: string, path: string): Promise<string | null> => {
    try {
      return text((await other.call('node.get', { connectionId, path })).valueBase64);
    } catch {
      return null;
    }
  };
  const row = (path: string) => page.locator(`[data-testid=tree-row][data-path="${path}"]`);
  const menuAction = async (path: string, action: string) => {
    await row(path).click({ button: 'right' });
    await page.locator(`[data-testid=tree-row-menu][data-path="${path}"]`).waitFor();
    await page.getByTestId(`tree-action-${action}`).click();
    await page.getByTestId('copy-dialog').waitFor();
  };

  beforeAll(async () => {
    [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
    other = await startCoreClient('seeder');
    zkId = (
      await other.call('connections.save', {
        name: 'seed-zk',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
      })
    ).id;
    etcdId = (
      await other.call('connections.save', { name: 'seed-etcd', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    const create = (path: string, value: string) =>
      other.call('node.create', { connectionId: zkId, path, valueBase64: b64(value) });
    await create('/app', 'app-root');
    await create('/app/a', 'alpha');
    await create('/app/b', 'beta');
    await create('/app/b/c', 'gamma');
    // Held by the seeder's session for the whole test: never copied, noted in the plan.
    await other.call('node.create', {
      connectionId: zkId,
      path: '/app/live',
      valueBase64: b64('me'),
      mode: { ephemeral: true, sequential: false, container: false },
    });

    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'etcd prod', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'prod' },
    ]);
    page = ui.page;
    await connect(page, 'zk dev');
    await openPath(page, '/app/a');
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  it('copies a ZooKeeper subtree to etcd prod from the context menu: plan, confirmation, report', async () => {
    await menuAction('/app', 'copy-to');
    await page.getByTestId('copy-target-connection').selectOption({ label: 'etcd prod (prod)' });
    await page.getByTestId('copy-target-path').fill('/copied');
    await page.getByTestId('copy-plan-button').click();
    const plan = page.getByTestId('copy-plan');
    await plan.waitFor();
    expect(await plan.getAttribute('data-nodes')).toBe('4');
    expect(await plan.getAttribute('data-create')).toBe('4');
    expect(await plan.getAttribute('data-existing')).toBe('0');
    expect(await plan.getAttribute('data-ephemeral')).toBe('1');
    expect(await page.getByTestId('copy-plan-ephemeral').innerText()).toContain(
      '1 ephemeral node is not copied',
    );
    // Prod target: the apply waits for the connection's name.
    expect(await page.getByTestId('copy-apply').isDisabled()).toBe(true);
    await page.getByTestId('copy-confirm-input').fill('etcd prod');
    await screenshot(page, 'copy-plan');
    await page.getByTestId('copy-apply').click();
    const report = page.getByTestId('copy-report');
    await report.waitFor({ timeout: 20_000 });
    expect(await report.getAttribute('data-copied')).toBe('4');
    expect(await report.getAttribute('data-failed')).toBe('0');
    expect(await report.getAttribute('data-skipped')).toBe('1');
    expect(await page.getByTestId('copy-report-operation').innerText()).toMatch(/\S{8,}/);
    await screenshot(page, 'copy-report');
    expect(await read(etcdId, '/copied')).toBe('app-root');
    expect(await read(etcdId, '/copied/a')).toBe('alpha');
    expect(await read(etcdId, '/copied/b')).toBe('beta');
    expect(await read(etcdId, '/copied/b/c')).toBe('gamma');
    expect(await read(etcdId, '/copied/live')).toBeNull();
    // The copy leaves its source alone.
    expect(await read(zkId, '/app/b/c')).toBe('gamma');
    await page.getByTestId('copy-close').click();
    await page.getByTestId('copy-dialog').waitFor({ state: 'detached' });
  });

  it('renames a ZooKeeper node from the menu, and the tree shows the new name', async () => {
    await menuAction('/app/b', 'rename');
    const name = page.getByTestId('copy-name-input');
    expect(await name.inputValue()).toBe('b');
    await name.fill('b2');
    await page.getByTestId('copy-plan-button').click();
    const plan = page.getByTestId('copy-plan');
    await plan.waitFor();
    expect(await plan.getAttribute('data-nodes')).toBe('2');
    expect(await page.getByTestId('copy-plan-method').getAttribute('data-fits')).toBe('true');
    await page.getByTestId('copy-apply').click();
    const report = page.getByTestId('copy-report');
    await report.waitFor({ timeout: 20_000 });
    expect(await report.getAttribute('data-deleted')).toBe('2');
    expect(await report.getAttribute('data-not-deleted')).toBe('0');
    expect(await report.getAttribute('data-method')).toBe('transaction');
    await screenshot(page, 'copy-rename-report');
    await page.getByTestId('copy-close').click();
    await row('/app/b2').waitFor();
    await row('/app/b').waitFor({ state: 'detached' });
    // The renamed node is the one shown now, not the old path that is gone.
    await page.locator('[data-testid=value-panel][data-path="/app/b2"]').waitFor();
    expect(await row('/app/b2').getAttribute('data-selected')).toBe('true');
    expect(await read(zkId, '/app/b2/c')).toBe('gamma');
    expect(await read(zkId, '/app/b')).toBeNull();
  });

  it('drops a tree row onto a sidebar connection: the dialog opens with that target and the same path', async () => {
    await row('/app/a').dragTo(page.locator('[data-testid=connection-item][data-name="etcd prod"]'));
    const dialog = page.getByTestId('copy-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('copy-target-connection').inputValue()).not.toBe('');
    const selected = page.locator('[data-testid=copy-target-connection] option:checked');
    expect(await selected.innerText()).toBe('etcd prod (prod)');
    expect(await page.getByTestId('copy-target-path').inputValue()).toBe('/app/a');
    await page.getByTestId('copy-mode').waitFor();
    expect(await page.getByTestId('copy-mode-copy').isChecked()).toBe(true);
    await screenshot(page, 'copy-drop-dialog');
    await page.getByTestId('copy-dialog-cancel').click();
    await dialog.waitFor({ state: 'detached' });
  });
});
