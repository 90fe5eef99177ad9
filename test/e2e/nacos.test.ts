import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { launchBrowser } from './support/browser.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';
import { startWebApp, type WebApp } from './support/web-app.js';

const CONFIG = '/public/DEFAULT_GROUP/app.yaml';

// The real UI in Chromium against a real Nacos server (r-nacos): namespace → group → dataId browsing,
// CAS edits, config history with rollback, and the listener query. A second core (another operator)
// seeds and changes configs; a raw HTTP long poll plays a service listening to a config.
describe('Nacos in the browser', () => {
  let nacos: NacosServer;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let other: CoreClient;
  let nacosId: string;
  const polls: AbortController[] = [];

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

  /** What a Nacos client does: a long poll that the server holds while the client's md5 is current. */
  const listen = (dataId: string, group: string, md5: string): void => {
    const controller = new AbortController();
    polls.push(controller);
    const body = new URLSearchParams({ 'Listening-Configs': `${dataId}\u0002${group}\u0002${md5}\u0001` });
    fetch(`http://${nacos.endpoint}/nacos/v1/cs/configs/listener`, {
      method: 'POST',
      headers: { 'Long-Pulling-Timeout': '30000' },
      body,
      signal: controller.signal,
    }).catch(() => undefined);
  };

  beforeAll(async () => {
    nacos = await startNacos();
    other = await startCoreClient('other-operator');
    nacosId = (
      await other.call('connections.save', { name: 'seed-nacos', kind: 'nacos', endpoints: [nacos.endpoint] })
    ).id;
    await other.call('node.create', {
      connectionId: nacosId,
      path: CONFIG,
      valueBase64: b64('server:\n  port: 8080\n'),
    });
    await write(CONFIG, 'server:\n  port: 9090\n');
    // Declared as text (from its extension) although it looks like JSON: the declaration wins.
    await other.call('node.create', {
      connectionId: nacosId,
      path: '/public/DEFAULT_GROUP/notes.txt',
      valueBase64: b64('{"looks":"like json"}'),
    });

    app = await startWebApp([
      { name: 'nacos dev', kind: 'nacos', endpoints: [nacos.endpoint], environment: 'dev' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    for (const poll of polls) poll.abort();
    await browser?.close();
    await app?.stop();
    await other?.close();
    await nacos?.stop();
  });

  it('browses namespace → group → dataId and opens a config in its declared type', async () => {
    await connect(page, 'nacos dev');
    await page.locator('[data-testid=tree-toggle][data-path="/public"]').click();
    await page.locator('[data-testid=tree-toggle][data-path="/public/DEFAULT_GROUP"]').click();
    await page.locator(`[data-testid=tree-row][data-path="${CONFIG}"]`).click();
    await page.locator(`[data-testid=value-panel][data-path="${CONFIG}"]`).waitFor();
    await expect.poll(() => editorText(page)).toContain('port: 9090');
    expect(await page.getByTestId('format-select').inputValue()).toBe('yaml');
    await page.locator('[data-testid=meta-row][data-key=md5]').waitFor();

    await openPath(page, '/public/DEFAULT_GROUP/notes.txt');
    await expect.poll(() => editorText(page)).toContain('like json');
    expect(await page.getByTestId('format-select').inputValue()).toBe('text');
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

  it('lists the history, diffs a version against the current value and rolls back to it', async () => {
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

    await page.getByTestId('history-rollback').click();
    await page.getByTestId('rollback-dialog').waitFor();
    await page.getByTestId('rollback-confirm').click();
    await page.getByTestId('rollback-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => read(CONFIG)).toBe('server:\n  port: 8080\n');
    await page.getByTestId('value-pane-button').click();
    await expect.poll(() => editorText(page)).toContain('port: 8080');
    // The rollback is a new version in the history.
    await page.getByTestId('history-button').click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(4);
  });

  it('shows a client long-polling the config, in sync with the current md5', async () => {
    const md5 = (await other.call('node.get', { connectionId: nacosId, path: CONFIG })).token ?? '';
    listen('app.yaml', 'DEFAULT_GROUP', md5);
    await page.getByTestId('listeners-button').click();
    await page.getByTestId('listeners-view').waitFor();
    const row = page.locator('[data-testid=listener-row][data-in-sync=true]');
    await page.getByTestId('listeners-refresh').click();
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.first().getAttribute('data-client')).toContain('127.0.0.1');
    expect(await page.getByTestId('listeners-current-md5').innerText()).toBe(md5);
  });
});
