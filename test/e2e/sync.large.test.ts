import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { launchBrowser } from './support/browser.js';
import { startWebApp, type WebApp } from './support/web-app.js';
import { snapshotText } from '../unit/sync/support/snapshot-text.js';

const KEYS = 3_000;
/** Only rows in view (plus overscan) may be in the DOM, whatever the size of the plan. */
const MAX_ROWS_IN_DOM = 150;
const VIEWPORT = { width: 1400, height: 900 };
const SCREENSHOT = '/tmp/sync-large.png';
/** Keys written behind the plan's back in the last test: more than the report lists line by line. */
const RACED = 150;
const REPORT_LINE_CAP = 100;

const keyPath = (i: number) => `/key-${String(i).padStart(5, '0')}`;

/** A snapshot file with KEYS small JSON values. */
function snapshot(): string {
  return snapshotText(
    Array.from({ length: KEYS }, (_, i) => ({
      path: keyPath(i),
      value: JSON.stringify({ id: i, enabled: i % 2 === 0 }),
    })),
  );
}

/**
 * Whether the element lies wholly inside the viewport and is not clipped by a scrolling ancestor: what the user
 * sees without scrolling (the box check alone would miss a panel cut off by the scroll area above the status bar).
 */
async function whollyVisible(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  const inViewport =
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
  const ratio = await locator.evaluate(
    (element) =>
      new Promise<number>((resolve) => {
        const observer = new IntersectionObserver(([entry]) => {
          observer.disconnect();
          resolve(entry?.intersectionRatio ?? 0);
        });
        observer.observe(element);
      }),
  );
  return inViewport && ratio > 0.99;
}

// A plan of 3,000 creates from a snapshot into an empty etcd prefix: the plan list stays virtual, the report shows
// up under the Apply button, and "Compare again" shows the two sides converged.
describe('sync of a large plan in the browser', () => {
  let dir: string;
  let etcd: EtcdServer;
  let etcdClient: Etcd3;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let unchecked = '';

  const items = () => page.locator('[data-testid=sync-item]');
  const apply = () => page.getByTestId('sync-apply');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-sync-large-'));
    await writeFile(join(dir, 'big.json'), snapshot());
    etcd = await startEtcd();
    etcdClient = new Etcd3({ hosts: `http://${etcd.endpoint}` });
    app = await startWebApp([
      { name: 'etcd dev', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'dev' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    etcdClient?.close();
    await etcd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('compares the snapshot file with the empty etcd path /big', async () => {
    await page.getByTestId('compare-tab').click();
    await page.getByTestId('compare-left-connection').selectOption('__snapshot__');
    await page.getByTestId('compare-left-path').fill(join(dir, 'big.json'));
    await page.getByTestId('compare-right-connection').selectOption({ label: 'etcd dev' });
    await page.getByTestId('compare-right-path').fill('/big');
    await page.getByTestId('compare-start').click();
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getAttribute('data-only-left')).toBe(String(KEYS));
    expect(await summary.getAttribute('data-same')).toBe('0');
  });

  it('plans 3,000 creates, counted in the toolbar, with only a window of rows in the DOM', async () => {
    await page.getByTestId('sync-plan').click();
    const counts = page.locator(`[data-testid=sync-counts][data-create="${KEYS}"]`);
    await counts.waitFor();
    expect(await counts.getAttribute('data-update')).toBe('0');
    expect(await counts.getAttribute('data-delete')).toBe('0');
    expect(await counts.innerText()).toBe('create 3,000');
    await items().first().waitFor();
    const inDom = await items().count();
    expect(inDom).toBeGreaterThan(3);
    expect(inDom).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(await page.getByTestId('sync-selected-count').innerText()).toBe('3,000 of 3,000 selected');
  });

  it('selects none (Apply disabled), then all but one item', async () => {
    await page.getByTestId('sync-select-none').click();
    await page.locator('[data-testid=sync-selected-count][data-selected="0"]').waitFor();
    expect(await apply().isDisabled()).toBe(true);
    expect(await items().locator('input:checked').count()).toBe(0);

    await page.getByTestId('sync-select-all').click();
    await page.locator(`[data-testid=sync-selected-count][data-selected="${KEYS}"]`).waitFor();
    expect(await apply().isEnabled()).toBe(true);
    const first = items().first();
    unchecked = (await first.getAttribute('data-path')) ?? '';
    expect(unchecked).toBe(keyPath(0));
    await first.locator('input[type=checkbox]').uncheck();
    await page.locator(`[data-testid=sync-selected-count][data-selected="${KEYS - 1}"]`).waitFor();
  });

  it('applies: the report shows at once, in view, and the applied plan is locked', async () => {
    await apply().click();
    const report = page.locator('[data-testid=sync-report][data-state=done]');
    await report.waitFor({ timeout: 60_000 });
    expect(await whollyVisible(page, report)).toBe(true);
    expect(await report.getAttribute('data-applied')).toBe(String(KEYS - 1));
    expect(await report.getAttribute('data-conflicts')).toBe('0');
    expect(await report.getAttribute('data-failed')).toBe('0');
    expect(await page.getByTestId('sync-report-counts').innerText()).toContain('applied 2,999');
    expect(await apply().isDisabled()).toBe(true);
    expect(await page.getByTestId('sync-select-all').isDisabled()).toBe(true);
    expect(await items().first().locator('input[type=checkbox]').isDisabled()).toBe(true);
    expect(await page.getByTestId('sync-compare-again').isVisible()).toBe(true);
    // Locked only while the sync ran: a new direction or plan may be chosen again.
    await page.locator('[data-testid=sync-plan]:enabled').waitFor();
    expect(await page.getByTestId('sync-direction').isEnabled()).toBe(true);
    await page.screenshot({ path: SCREENSHOT });

    // The writes really reached etcd: every key but the unchecked one.
    expect(await etcdClient.getAll().prefix('/big/').count()).toBe(KEYS - 1);
    expect(await etcdClient.get(`/big${unchecked}`).string()).toBeNull();
  });

  it('compares again: only the unchecked key is left to sync', async () => {
    await page.getByTestId('sync-compare-again').click();
    const summary = page.locator(`[data-testid=compare-summary][data-same="${KEYS - 1}"]`);
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getAttribute('data-only-left')).toBe('1');
    expect(await summary.getAttribute('data-only-right')).toBe('0');
    expect(await summary.getAttribute('data-changed')).toBe('0');
    await page
      .locator(`[data-testid=compare-row][data-path="${unchecked}"][data-status=only-left]`)
      .waitFor();
    // The old plan and report went with the old comparison.
    expect(await page.getByTestId('sync-report').count()).toBe(0);
    expect(await items().count()).toBe(0);
  });

  it('lists the first 100 conflicts of a sync and counts the rest', async () => {
    // Take RACED keys away, plan to put them back, then write them behind the plan's back: each is a conflict.
    const raced = Array.from({ length: RACED }, (_, i) => `/big${keyPath(i + 1)}`);
    await Promise.all(raced.map((key) => etcdClient.delete().key(key)));
    await page.getByTestId('compare-start').click();
    await page.locator(`[data-testid=compare-summary][data-only-left="${RACED + 1}"]`).waitFor();
    await page.getByTestId('sync-plan').click();
    await page.locator(`[data-testid=sync-counts][data-create="${RACED + 1}"]`).waitFor();
    await Promise.all(raced.map((key) => etcdClient.put(key).value('written meanwhile')));

    await apply().click();
    const report = page.locator('[data-testid=sync-report][data-state=done]');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getAttribute('data-applied')).toBe('1');
    expect(await report.getAttribute('data-conflicts')).toBe(String(RACED));
    expect(await whollyVisible(page, report)).toBe(true);
    const conflicts = page.getByTestId('sync-report-conflicts');
    expect(await conflicts.locator('li').count()).toBe(REPORT_LINE_CAP + 1);
    expect(await page.getByTestId('sync-report-conflicts-more').innerText()).toBe(
      `… and ${RACED - REPORT_LINE_CAP} more`,
    );
    expect(await etcdClient.get(raced[0] ?? '').string()).toBe('written meanwhile');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-conflicts.png') });
  });
});
