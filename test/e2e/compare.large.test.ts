import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startWebApp, type WebApp } from './support/web-app.js';
import { snapshotText } from '../unit/sync/support/snapshot-text.js';

const KEYS = 20_000;
const CHANGED = [100, 5_000, 12_345];
const REMOVED_ON_RIGHT = [7];
const ADDED_ON_RIGHT = [KEYS, KEYS + 1];
/** Only rows in view (plus overscan) may be in the DOM, whatever the number of keys. */
const MAX_ROWS_IN_DOM = 100;

const keyPath = (i: number) => `/cfg/key-${String(i).padStart(5, '0')}`;
const keyValue = (i: number, revision: number) =>
  JSON.stringify({ id: i, name: `service-${i}`, enabled: true, limits: { rps: 100 * revision } }, null, 2);

// 20,000 keys against a copy with a few changes: the compare list stays virtual and the diff highlights JSON.
describe('compare of two large snapshots in the browser', () => {
  let dir: string;
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  const rows = () => page.locator('[data-testid=compare-row]');
  const countLine = () => page.getByTestId('compare-count');
  const list = () => page.getByTestId('compare-list');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-compare-large-'));
    const left = Array.from({ length: KEYS }, (_, i) => ({ path: keyPath(i), value: keyValue(i, 1) }));
    const right = left
      .filter((_, i) => !REMOVED_ON_RIGHT.includes(i))
      .map((key) => {
        const i = Number(key.path.slice(-5));
        return CHANGED.includes(i) ? { path: key.path, value: keyValue(i, 2) } : key;
      })
      .concat(ADDED_ON_RIGHT.map((i) => ({ path: keyPath(i), value: keyValue(i, 1) })));
    await writeFile(join(dir, 'left.json'), snapshotText(left));
    await writeFile(join(dir, 'right.json'), snapshotText(right));

    app = await startWebApp([]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('compares the two snapshot files and lists only the differences', async () => {
    await page.getByTestId('compare-tab').click();
    await page.getByTestId('compare-left-connection').selectOption('__snapshot__');
    await page.getByTestId('compare-left-path').fill(join(dir, 'left.json'));
    await page.getByTestId('compare-right-connection').selectOption('__snapshot__');
    await page.getByTestId('compare-right-path').fill(join(dir, 'right.json'));
    await page.getByTestId('compare-start').click();
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getAttribute('data-only-left')).toBe(String(REMOVED_ON_RIGHT.length));
    expect(await summary.getAttribute('data-only-right')).toBe(String(ADDED_ON_RIGHT.length));
    expect(await summary.getAttribute('data-changed')).toBe(String(CHANGED.length));
    expect(await summary.getAttribute('data-same')).toBe(String(KEYS - CHANGED.length - 1));

    const differences = CHANGED.length + REMOVED_ON_RIGHT.length + ADDED_ON_RIGHT.length;
    await page.locator(`[data-testid=compare-count][data-total="${differences}"]`).waitFor();
    expect(await countLine().innerText()).toBe(`${differences} keys`);
    await expect.poll(() => rows().count()).toBe(differences);
  });

  it('shows every key in one virtual list with only the visible rows in the DOM', async () => {
    await page.getByTestId('compare-only-diff').uncheck();
    const total = KEYS + ADDED_ON_RIGHT.length;
    await page.locator(`[data-testid=compare-count][data-total="${total}"]`).waitFor();
    expect(await countLine().innerText()).toBe('20,002 keys');
    await page.locator(`[data-testid=compare-row][data-path="${keyPath(0)}"]`).waitFor();
    const inDom = await rows().count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(MAX_ROWS_IN_DOM);
  });

  it('scrolls to the last key, in path order, still rendering only a window of rows', async () => {
    await list().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator(`[data-testid=compare-row][data-path="${keyPath(KEYS + 1)}"]`);
    await last.waitFor();
    expect(await last.getAttribute('data-status')).toBe('only-right');
    expect(await last.getAttribute('data-index')).toBe(String(KEYS + ADDED_ON_RIGHT.length - 1));
    expect(await rows().count()).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(await page.locator(`[data-testid=compare-row][data-path="${keyPath(0)}"]`).count()).toBe(0);
  });

  it('highlights a JSON value diff and moves the selection with the keyboard', async () => {
    await page.locator(`[data-testid=compare-row][data-path="${keyPath(KEYS + 1)}"]`).click();
    const diff = page.locator(`[data-testid=compare-value-diff][data-path="${keyPath(KEYS + 1)}"]`);
    await diff.waitFor();
    await expect.poll(() => diff.getAttribute('data-language')).toBe('json');

    await list().press('ArrowUp');
    await list().press('ArrowUp');
    const selected = page.locator('[data-testid=compare-row][data-selected=true]');
    await expect.poll(() => selected.getAttribute('data-path')).toBe(keyPath(KEYS - 1));
    // Both sides hold the same value: no diff to show.
    expect(await page.getByTestId('compare-value-diff').count()).toBe(0);
    await list().press('ArrowDown');
    await expect.poll(() => selected.getAttribute('data-path')).toBe(keyPath(KEYS));
    await page.locator(`[data-testid=compare-value-diff][data-path="${keyPath(KEYS)}"]`).waitFor();
  });

  it('jumps to a changed key through the filter, starting again at the top', async () => {
    await list().evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await page.getByTestId('compare-filter').fill('key-1234');
    // key-12340 … key-12349 (paths are zero-padded: key-01234 does not match).
    await page.locator('[data-testid=compare-count][data-total="10"]').waitFor();
    expect(await list().evaluate((el) => el.scrollTop)).toBe(0);
    const changed = page.locator(`[data-testid=compare-row][data-path="${keyPath(12_345)}"]`);
    expect(await changed.getAttribute('data-status')).toBe('changed');
    await changed.click();
    const diff = page.locator(`[data-testid=compare-value-diff][data-path="${keyPath(12_345)}"]`);
    await expect.poll(() => diff.getAttribute('data-language')).toBe('json');
    const diffText = async () =>
      (await diff.locator('.view-lines').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    await expect.poll(diffText).toContain('"rps": 100');
    expect(await diffText()).toContain('"rps": 200');
  });
});
