import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { connect, editorText, openPath, startCompare, typeIntoEditor } from './support/page-helpers.js';
import { openConsole, type ConsolePage } from './support/console-page.js';

// The write gate as the user meets it in Chromium, against a real ZooKeeper: on prod a save or a create goes
// through only with the path typed, and the audit view shows what was written and what the core refused.
describe('prod confirmation and refusals in the browser', () => {
  let zk: ZooKeeperServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;
  let zkId: string;

  const read = async (path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId: zkId, path })).valueBase64);

  /** The audit view, showing only the entries of one connection. */
  const auditOf = async (connectionName: string) => {
    await page.getByTestId('audit-tab').click();
    await page.getByTestId('audit-view').waitFor();
    await page.getByTestId('audit-filter-connection').selectOption(connectionName);
  };

  beforeAll(async () => {
    zk = await startZooKeeper();
    other = await startCoreClient('other-operator');
    zkId = (
      await other.call('connections.save', { name: 'seed', kind: 'zookeeper', endpoints: [zk.connectString] })
    ).id;
    await other.call('node.create', { connectionId: zkId, path: '/app', valueBase64: '' });
    await other.call('node.create', { connectionId: zkId, path: '/app/flags', valueBase64: b64('on=1') });
    await other.call('node.create', { connectionId: zkId, path: '/copy', valueBase64: '' });

    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
      {
        name: 'zk locked',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
        environment: 'staging',
        readOnly: true,
      },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await zk?.stop();
  });

  it('saves on prod only once the path is typed exactly, and the audit view shows the write', async () => {
    await connect(page, 'zk prod');
    await openPath(page, '/app/flags');
    await expect.poll(() => editorText(page)).toContain('on=1');
    await typeIntoEditor(page, 'on=2');
    await page.getByTestId('save-button').click();
    await page.getByTestId('save-confirm-dialog').waitFor();
    const input = page.getByTestId('save-confirm-input');
    const save = page.getByTestId('save-confirm');
    expect(await save.isDisabled()).toBe(true);
    await input.fill('/app');
    expect(await save.isDisabled()).toBe(true);
    await input.fill('/app/flags');
    expect(await save.isDisabled()).toBe(false);
    expect(await save.innerText()).toBe('Write to production');
    await save.click();
    await page.getByTestId('save-confirm-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => read('/app/flags')).toBe('on=2');
    await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });

    await auditOf('zk prod');
    const row = page.locator('[data-testid=audit-row][data-path="/app/flags"][data-operation=set]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-outcome')).toBe('ok');
    expect(await row.innerText()).toContain('prod');
    await page.getByTestId('browser-tab').click();
  });

  it('creates on prod only once the new path is typed', async () => {
    await openPath(page, '/app');
    await page.getByTestId('create-node-button').click();
    await page.getByTestId('create-dialog').waitFor();
    // Nothing to confirm until the name makes a valid path.
    expect(await page.getByTestId('create-confirm-input').count()).toBe(0);
    await page.getByTestId('create-path').fill('released');
    await page.getByTestId('create-value').fill('v1');
    const submit = page.getByTestId('create-submit');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('create-confirm-input').fill('/app/released');
    await submit.click();
    await page.locator('[data-testid=value-panel][data-path="/app/released"]').waitFor();
    expect(await read('/app/released')).toBe('v1');
  });

  it('shows a write the core refused (a sync into a read-only connection) as refused, and writes nothing', async () => {
    await startCompare(
      page,
      { connection: 'zk dev', path: '/app' },
      { connection: 'zk locked', path: '/copy' },
    );
    await page.getByTestId('compare-summary').waitFor();
    await page.getByTestId('sync-plan').click();
    await page.locator('[data-testid=sync-plan-view][data-applied=false]').waitFor();
    await page.getByTestId('sync-apply').click();
    await page.locator('[data-testid=error-message][data-code=READ_ONLY]').waitFor();
    expect((await other.failure('node.get', { connectionId: zkId, path: '/copy/flags' })).code).toBe(
      'NOT_FOUND',
    );

    await auditOf('zk locked');
    const refused = page.locator('[data-testid=audit-row][data-outcome=refused]');
    await refused.first().waitFor();
    expect(await refused.getAttribute('data-operation')).toBe('sync');
    expect(await refused.innerText()).toContain('READ_ONLY');
    expect(await page.locator('[data-testid=audit-row][data-outcome=ok]').count()).toBe(0);
  });
});
