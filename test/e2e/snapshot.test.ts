import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { connect, editorText, openPath } from './support/page-helpers.js';
import { startWebApp, type WebApp } from './support/web-app.js';

const PROD_SNAPSHOT = join(import.meta.dirname, '..', '..', 'examples', 'prod.json');

// A snapshot file opens as a read-only connection and is browsed like a cluster: no server needed at all.
describe('a snapshot file as a connection', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The profile does not say readOnly: the snapshot kind makes it read-only whatever the file says.
    app = await startWebApp([
      { name: 'prod snapshot', kind: 'snapshot', endpoints: [PROD_SNAPSHOT], environment: 'prod' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('browses the snapshot read-only and shows its values exactly', async () => {
    await connect(page, 'prod snapshot');
    await page.getByTestId('read-only-badge').waitFor();
    await page.locator('[data-testid=tree-row][data-path="/db"]').waitFor();
    await page.locator('[data-testid=tree-toggle][data-path="/db"]').click();
    await page.locator('[data-testid=tree-row][data-path="/db/url"]').waitFor();

    const snapshot = JSON.parse(await readFile(PROD_SNAPSHOT, 'utf8')) as {
      keys: Array<{ path: string; value: string }>;
    };
    const dbUrl = snapshot.keys.find((key) => key.path === '/db/url')?.value;
    expect(dbUrl).toBeTruthy();
    await openPath(page, '/db/url');
    await expect.poll(() => editorText(page)).toContain(dbUrl!);
    await page.getByTestId('readonly-notice').waitFor();
    expect(await page.getByTestId('save-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('delete-button').isDisabled()).toBe(true);
  });
});
