import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';
import { openConsole, type ConsolePage } from './support/console-page.js';

// The real UI in Chromium, served by `npm run web`, against real ZooKeeper and etcd servers. A second core
// (another operator, over the same contract) seeds data and makes the "remote" changes.
describe('console in the browser', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;
  let zkId: string;
  let etcdId: string;

  const read = async (connectionId: string, path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId, path })).valueBase64);

  beforeAll(async () => {
    [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
    other = await startCoreClient('other-operator');
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
    await other.call('node.create', { connectionId: zkId, path: '/app', valueBase64: '' });
    await other.call('node.create', {
      connectionId: zkId,
      path: '/app/config.json',
      valueBase64: b64('{"feature":true,"limit":10}'),
    });
    await other.call('node.create', {
      connectionId: zkId,
      path: '/app/naïve name ✓',
      valueBase64: b64('plain text'),
    });
    await other.call('node.create', {
      connectionId: etcdId,
      path: '/svc/db/url',
      valueBase64: b64('postgres://db:5432/app'),
    });

    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      {
        name: 'zk readonly',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
        environment: 'staging',
        readOnly: true,
      },
      { name: 'zk prod', kind: 'zookeeper', endpoints: zk.connectString, environment: 'prod' },
      { name: 'etcd test', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'test' },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  it('loads the profiles from --connections and hides the token from the address bar', async () => {
    for (const name of ['zk dev', 'zk readonly', 'zk prod', 'etcd test']) {
      await page.locator(`[data-testid=connection-item][data-name="${name}"]`).waitFor();
    }
    expect(page.url()).not.toContain('token=');
  });

  it('browses the tree one level at a time, with names shown exactly', async () => {
    await connect(page, 'zk dev');
    await page.locator('[data-testid=tree-row][data-path="/app"]').waitFor();
    await page.locator('[data-testid=tree-toggle][data-path="/app"]').click();
    const unicode = page.locator('[data-testid=tree-row][data-path="/app/naïve name ✓"]');
    await unicode.waitFor();
    expect(await unicode.innerText()).toContain('naïve name ✓');
    await page.locator('[data-testid=tree-row][data-path="/app/config.json"]').waitFor();
  });

  it('opens a JSON value in Monaco with the JSON view and the ZooKeeper stat', async () => {
    await openPath(page, '/app/config.json');
    await expect.poll(() => editorText(page)).toContain('"feature":true');
    expect(await page.getByTestId('format-select').inputValue()).toBe('json');
    await page.locator('[data-testid=meta-row][data-key=mzxid]').waitFor();
    expect(await page.locator('[data-testid=meta-row][data-key=mzxid]').innerText()).toMatch(/0x[0-9a-f]+/);
  });

  it('edits and saves after showing the diff; the server has the new value', async () => {
    await typeIntoEditor(page, '{"feature":false,"limit":20}');
    await page.getByTestId('unsaved-marker').waitFor();
    await saveWithConfirm(page);
    await expect.poll(() => read(zkId, '/app/config.json')).toBe('{"feature":false,"limit":20}');
    await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });
  });

  it('follows a change made by another client when there are no unsaved edits', async () => {
    const current = await other.call('node.get', { connectionId: zkId, path: '/app/config.json' });
    await other.call('node.set', {
      connectionId: zkId,
      path: '/app/config.json',
      valueBase64: b64('{"remote":1}'),
      token: current.token,
    });
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toContain('"remote":1');
  });

  it('shows a conflict with the server value when another client saved first, and overwrites nothing', async () => {
    await typeIntoEditor(page, '{"mine":true}');
    const current = await other.call('node.get', { connectionId: zkId, path: '/app/config.json' });
    await other.call('node.set', {
      connectionId: zkId,
      path: '/app/config.json',
      valueBase64: b64('{"theirs":true}'),
      token: current.token,
    });
    await page.getByTestId('server-changed-banner').waitFor({ timeout: 15_000 });
    expect(await editorText(page)).toContain('"mine":true');
    await saveWithConfirm(page);
    await page.locator('[data-testid=conflict-panel][data-reason=conflict]').waitFor();
    expect(await read(zkId, '/app/config.json')).toBe('{"theirs":true}');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => editorText(page)).toContain('"theirs":true');
  });

  it('creates a child node and deletes it again', async () => {
    await openPath(page, '/app');
    await page.getByTestId('create-node-button').click();
    await page.getByTestId('create-dialog').waitFor();
    await page.getByTestId('create-path').fill('created-in-ui');
    await page.getByTestId('create-value').fill('hello');
    await page.getByTestId('create-submit').click();
    await page.locator('[data-testid=value-panel][data-path="/app/created-in-ui"]').waitFor();
    expect(await read(zkId, '/app/created-in-ui')).toBe('hello');

    await page.getByTestId('delete-button').click();
    await page.getByTestId('delete-dialog').waitFor();
    await page.locator('[data-testid=delete-count][data-count="1"]').waitFor();
    await page.getByTestId('delete-submit').click();
    await page
      .locator('[data-testid=tree-row][data-path="/app/created-in-ui"]')
      .waitFor({ state: 'detached' });
    const gone = await other.failure('node.get', { connectionId: zkId, path: '/app/created-in-ui' });
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('shows a remote child creation in the expanded level', async () => {
    await page.locator('[data-testid=tree-row][data-path="/app"][aria-expanded=true]').waitFor();
    await other.call('node.create', { connectionId: zkId, path: '/app/remote-child', valueBase64: b64('r') });
    await page.locator('[data-testid=tree-row][data-path="/app/remote-child"]').waitFor({ timeout: 15_000 });
  });

  it('keeps unsaved edits of a node another client deletes, says so, and drops its row from the tree', async () => {
    await openPath(page, '/app/remote-child');
    await expect.poll(() => editorText(page)).toBe('r');
    await typeIntoEditor(page, 'my edit');
    await other.call('node.delete', { connectionId: zkId, path: '/app/remote-child', recursive: false });
    await page.getByTestId('deleted-banner').waitFor({ timeout: 15_000 });
    expect(await editorText(page)).toBe('my edit');
    await page
      .locator('[data-testid=tree-row][data-path="/app/remote-child"]')
      .waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('revert-button').click();
  });

  it('refuses writes on a read-only connection: no write buttons, and the core refuses a forged call', async () => {
    await connect(page, 'zk readonly');
    await page.getByTestId('read-only-badge').waitFor();
    await openPath(page, '/app/config.json');
    await page.getByTestId('readonly-notice').waitFor();
    expect(await page.getByTestId('save-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('delete-button').isDisabled()).toBe(true);

    // Bypass the UI: speak the contract over the page's own authenticated WebSocket.
    const profiles = await other.call('connections.list', {});
    expect(profiles.length).toBeGreaterThan(0);
    const outcome = await page.evaluate(async () => {
      const token = sessionStorage.getItem('configdeck.token');
      const ws = new WebSocket(`ws://${location.host}/ws?token=${token}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const call = (id: number, method: string, input: unknown): Promise<unknown> =>
        new Promise((resolve) => {
          ws.addEventListener('message', (event) => {
            const frame = JSON.parse(String(event.data));
            if (frame.type === 'result' && frame.id === id) resolve(frame.outcome);
          });
          ws.send(JSON.stringify({ type: 'call', id, method, input }));
        });
      const list = (await call(1, 'connections.list', {})) as { result: Array<{ id: string; name: string }> };
      const ro = list.result.find((profile) => profile.name === 'zk readonly');
      const result = await call(2, 'node.set', {
        connectionId: ro?.id,
        path: '/app/config.json',
        valueBase64: btoa('forged'),
        token: null,
      });
      ws.close();
      return result;
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await read(zkId, '/app/config.json')).toBe('{"theirs":true}');
  });

  it('lists the audit entries of this session, including the refusal and the conflict', async () => {
    await page.getByTestId('audit-tab').click();
    await page.getByTestId('audit-view').waitFor();
    await page
      .locator('[data-testid=audit-row][data-operation=set][data-outcome=ok][data-path="/app/config.json"]')
      .first()
      .waitFor();
    await page
      .locator('[data-testid=audit-row][data-operation=set][data-outcome=conflict]')
      .first()
      .waitFor();
    await page.locator('[data-testid=audit-row][data-operation=set][data-outcome=refused]').first().waitFor();
    await page
      .locator('[data-testid=audit-row][data-operation=create][data-path="/app/created-in-ui"]')
      .first()
      .waitFor();
    await page
      .locator('[data-testid=audit-row][data-operation=delete][data-path="/app/created-in-ui"]')
      .first()
      .waitFor();
    await page.getByTestId('audit-verify').click();
    await page.locator('[data-testid=audit-verify-result][data-ok=true]').waitFor();
    await page.getByTestId('browser-tab').click();
  });

  it('frames a prod connection in red and asks for the path before deleting', async () => {
    await other.call('node.create', { connectionId: zkId, path: '/app/prod-victim', valueBase64: b64('v') });
    await connect(page, 'zk prod');
    await page.locator('[data-testid=env-frame][data-env=prod]').waitFor();
    expect(await page.getByTestId('env-label').innerText()).toContain('PRODUCTION');
    await openPath(page, '/app/prod-victim');
    await page.getByTestId('delete-button').click();
    await page.getByTestId('delete-dialog').waitFor();
    expect(await page.getByTestId('delete-submit').isDisabled()).toBe(true);
    await page.getByTestId('delete-confirm-input').fill('/app/prod-victim');
    await page.getByTestId('delete-submit').click();
    await expect
      .poll(
        async () => (await other.failure('node.get', { connectionId: zkId, path: '/app/prod-victim' })).code,
      )
      .toBe('NOT_FOUND');
  });

  it('browses etcd keys split into levels and opens a value with its revisions', async () => {
    await connect(page, 'etcd test');
    await page.locator('[data-testid=env-frame][data-env=test]').waitFor();
    await openPath(page, '/svc/db/url');
    await expect.poll(() => editorText(page)).toContain('postgres://db:5432/app');
    await page.locator('[data-testid=meta-row][data-key=mod_revision]').waitFor();
    await page.locator('[data-testid=tree-row][data-path="/svc/db"]').waitFor();
  });
});
