import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Capabilities } from '../../shared/model/capabilities.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { launchBrowser } from './support/browser.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';
import { startWebApp, type WebApp } from './support/web-app.js';

const CONFIG = '/public/DEFAULT_GROUP/app.yaml';

// The real UI in Chromium against a real Nacos server (r-nacos): namespace → group → dataId browsing,
// CAS edits, config history with rollback, and the listener query that r-nacos does not offer. A second core
// (another operator) seeds and changes configs.
describe('Nacos in the browser', () => {
  let nacos: NacosServer;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let other: CoreClient;
  let nacosId: string;
  let capabilities: Capabilities;

  const read = async (path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId: nacosId, path })).valueBase64);

  const write = async (path: string, value: string): Promise<void> => {
    const current = await other.call('node.get', { connectionId: nacosId, path });
    await other.call('node.set', {
      connectionId: nacosId,
      path,
      valueBase64: b64(value),
      token: current.token,
    });
  };

  beforeAll(async () => {
    nacos = await startNacos({ noAuthConsole: true });
    other = await startCoreClient('other-operator');
    nacosId = (
      await other.call('connections.save', { name: 'seed-nacos', kind: 'nacos', endpoints: [nacos.endpoint] })
    ).id;
    capabilities = (await other.call('connections.open', { id: nacosId })).capabilities;
    await other.call('node.create', {
      connectionId: nacosId,
      path: CONFIG,
      valueBase64: b64('server:\n  port: 8080\n'),
    });
    await write(CONFIG, 'server:\n  port: 9090\n');
    const instance = new URLSearchParams({
      serviceName: 'orders',
      ip: '127.0.0.1',
      port: '8080',
      weight: '2',
      ephemeral: 'false',
      metadata: JSON.stringify({ version: '2.1' }),
    });
    const registered = await fetch(`http://${nacos.endpoint}/nacos/v1/ns/instance?${instance}`, {
      method: 'POST',
    });
    expect(registered.ok).toBe(true);

    app = await startWebApp([
      { name: 'nacos dev', kind: 'nacos', endpoints: [nacos.endpoint], environment: 'dev' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await other?.close();
    await nacos?.stop();
  });

  it('browses namespace → group → dataId and opens a YAML config with its md5', async () => {
    await connect(page, 'nacos dev');
    await page.locator('[data-testid=tree-toggle][data-path="/public"]').click();
    await page.locator('[data-testid=tree-toggle][data-path="/public/DEFAULT_GROUP"]').click();
    await page.locator(`[data-testid=tree-row][data-path="${CONFIG}"]`).click();
    await page.locator(`[data-testid=value-panel][data-path="${CONFIG}"]`).waitFor();
    await expect.poll(() => editorText(page)).toContain('port: 9090');
    expect(await page.getByTestId('format-select').inputValue()).toBe('yaml');
    await page.locator('[data-testid=meta-row][data-key=md5]').waitFor();
  });

  it('saves with the md5 read, and shows a conflict when another client published first', async () => {
    await openPath(page, CONFIG);
    await expect.poll(() => editorText(page)).toContain('port: 9090');
    await typeIntoEditor(page, 'server:\n  port: 7070\n');
    await saveWithConfirm(page);
    await expect.poll(() => read(CONFIG)).toBe('server:\n  port: 7070\n');
    await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });

    await typeIntoEditor(page, 'mine: true\n');
    await write(CONFIG, 'theirs: true\n');
    await saveWithConfirm(page);
    await page.locator('[data-testid=conflict-panel][data-reason=conflict]').waitFor({ timeout: 15_000 });
    expect(await read(CONFIG)).toBe('theirs: true\n');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => editorText(page)).toContain('theirs: true');
  });

  // r-nacos serves config history only with its no-auth console enabled on the API port (the launcher turns
  // it on here), and has no listener query at all.
  it('lists the history, diffs a version against the current value and rolls back to it', async () => {
    expect(capabilities.history).toBe(true);
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-view').waitFor();
    const created = page.locator('[data-testid=history-row][data-operation=create]');
    await created.waitFor();
    expect(await page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(3);
    await created.click();
    await page.locator('[data-testid=history-diff] .modified .view-lines').waitFor();
    await expect
      .poll(async () =>
        (await page.locator('[data-testid=history-diff] .modified .view-lines').innerText()).replace(
          /\u00a0/g,
          ' ',
        ),
      )
      .toContain('port: 8080');

    await page.getByTestId('history-restore').click();
    await page.getByTestId('restore-dialog').waitFor();
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('restore-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => read(CONFIG)).toBe('server:\n  port: 8080\n');
    await page.getByTestId('value-pane-button').click();
    await expect.poll(() => editorText(page)).toContain('port: 8080');
    // The rollback is a new version in the history.
    await page.getByTestId('history-button').click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(4);
  });

  it('says plainly that r-nacos offers no listener query: no Listeners pane, UNSUPPORTED from the core', async () => {
    expect(capabilities.listeners).toBe(false);
    await page.getByTestId('value-pane-button').click();
    await page.getByTestId('history-button').waitFor();
    expect(await page.getByTestId('listeners-button').count()).toBe(0);
    const error = await other.failure('listeners.query', { connectionId: nacosId, path: CONFIG });
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/does not offer a listener query/);
  });

  it('shows the naming service: services, instances with weight and metadata; no Cluster tab', async () => {
    expect(await page.getByTestId('cluster-tab').count()).toBe(0);
    await page.getByTestId('services-tab').click();
    await page.getByTestId('services-view').waitFor();
    await page.locator('[data-testid=service-row][data-name=orders]').click();
    const row = page.locator('[data-testid=instance-row]').first();
    await row.waitFor();
    expect(await row.getAttribute('data-id')).toContain('127.0.0.1');
    await row.locator('[data-testid=meta-chip][data-key=version]').waitFor();
    expect(await row.innerText()).toContain('127.0.0.1:8080');
    await page.getByTestId('browser-tab').click();
  });
});
