import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect } from './support/page-helpers.js';
import { describeFindings, seriousViolations } from './support/axe.js';
import { screenshot } from './support/screenshots.js';

const ITEMS = 300;
const item = (i: number) => `/shop/items/item-${String(i).padStart(3, '0')}`;

/** The parts of one tab's browser (every tab's browser stays mounted, so each is found inside its pane). */
function paneOf(page: Page, name: string) {
  const tab = page.locator(`[data-testid=connection-tab][data-name="${name}"]`);
  const pane = async (): Promise<Locator> => {
    const id = await tab.getAttribute('data-connection-id');
    return page.locator(`[data-testid=connection-pane][data-connection-id="${id}"]`);
  };
  return {
    tab,
    pane,
    show: async () => {
      await tab.locator('[data-testid=connection-tab-select]').click();
      await tab.and(page.locator('[data-active=true]')).waitFor();
    },
    row: async (path: string) => (await pane()).locator(`[data-testid=tree-row][data-path="${path}"]`),
    expand: async (path: string) => {
      const p = await pane();
      const toggle = p.locator(`[data-testid=tree-toggle][data-path="${path}"]`);
      await toggle.click({ timeout: 15_000 }).catch(async (error: Error) => {
        // Seen once under CI load (the toggle "not visible"): say what the page showed, to find out why.
        await screenshot(page, 'tabs-expand-failed');
        const shown = await p.evaluate((pane, wanted) => {
          const row = pane.querySelector(`[data-testid=tree-row][data-path="${wanted}"]`);
          return {
            row: row?.textContent ?? null,
            rowExpanded: row?.getAttribute('aria-expanded') ?? null,
            paneHidden: pane instanceof HTMLElement ? pane.hidden : null,
            viewTab: document.querySelector('[role=tab][aria-selected=true]')?.textContent ?? null,
            state: document.querySelector('[data-testid=connection-state]')?.getAttribute('data-state'),
          };
        }, path);
        throw new Error(`${error.message}\nthe page showed: ${JSON.stringify(shown)}`);
      });
      await p.locator(`[data-testid=tree-row][data-path="${path}"][aria-expanded=true]`).waitFor();
    },
    open: async (path: string) => {
      const p = await pane();
      await p.locator(`[data-testid=tree-row][data-path="${path}"]`).click();
      await p.locator(`[data-testid=value-panel][data-path="${path}"]`).waitFor();
    },
    scrollTop: async () => (await pane()).getByTestId('tree').evaluate((el) => el.scrollTop),
  };
}

// Two real stores open side by side as tabs: ZooKeeper as prod and etcd as dev. Each tab keeps its tree,
// selection, open node, unsaved edit and scroll position across switches; the frame follows the tab shown.
// Screenshots: .scratch/screenshots/tabs-prod-active.png, tabs-dev-active.png.
describe('several connections in tabs', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let seeder: CoreClient;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    [zk, etcd] = await Promise.all([startZooKeeper(), startEtcd()]);
    seeder = await startCoreClient('seeder');
    const zkId = (
      await seeder.call('connections.save', {
        name: 'seed zk',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
      })
    ).id;
    const etcdId = (
      await seeder.call('connections.save', { name: 'seed etcd', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    const put = (connectionId: string, path: string, value: string) =>
      seeder.call('node.create', { connectionId, path, valueBase64: b64(value) });
    for (const path of ['/shop', '/shop/db', '/shop/items']) await put(zkId, path, '');
    await put(zkId, '/shop/db/url', 'postgres://db.prod.internal:5432/shop');
    await put(zkId, '/shop/db/pool', '50');
    await put(etcdId, '/shop/db/url', 'postgres://db.dev.internal:5432/shop');
    await put(etcdId, '/shop/db/pool', '50');
    await Promise.all(
      Array.from({ length: ITEMS }, (_, i) => put(zkId, item(i), `zk ${i}`)).concat(
        Array.from({ length: ITEMS }, (_, i) => put(etcdId, item(i), `etcd ${i}`)),
      ),
    );
    // A 100,000-child snapshot, to show that a hidden tab's big tree costs nothing while another is used.
    const big = join(seeder.dataDir, 'big.json');
    const keys = Array.from({ length: 100_000 }, (_, i) => ({
      path: `/big/k${String(i).padStart(6, '0')}`,
      value: 'v',
    }));
    await writeFile(
      big,
      JSON.stringify({
        format: 'configdeck-snapshot',
        version: 1,
        source: 'generated',
        exportedAt: new Date(0).toISOString(),
        keys,
      }),
    );

    ui = await openConsole([
      { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
      { name: 'etcd dev', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'dev' },
      { name: 'big snapshot', kind: 'snapshot', endpoints: [big], environment: 'test' },
    ]);
    page = ui.page;
    await page.getByTestId('connection-sidebar').waitFor();
  });

  afterAll(async () => {
    await ui?.close();
    await seeder?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  const frame = () => page.getByTestId('env-frame').getAttribute('data-env');
  const label = () => page.getByTestId('env-label').getAttribute('data-env');

  it('opens a second connection in a tab beside the first, the frame following the tab shown', async () => {
    await connect(page, 'zk prod');
    expect(await frame()).toBe('prod');
    await connect(page, 'etcd dev', { keepTabs: true });
    const tabs = page.getByTestId('connection-tab');
    expect(await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-name')))).toEqual([
      'zk prod',
      'etcd dev',
    ]);
    expect(
      await page.locator('[data-testid=connection-tab][data-active=true]').getAttribute('data-name'),
    ).toBe('etcd dev');
    expect(await frame()).toBe('dev');
    expect(await label()).toBe('dev');
    expect(await page.getByTestId('active-connection-name').innerText()).toBe('etcd dev');
    // The sidebar knows zk prod is open in the other tab: its button shows that tab instead of connecting.
    const zkButton = page.locator(
      '[data-testid=connection-item][data-name="zk prod"] [data-testid=connect-button]',
    );
    expect(await zkButton.getAttribute('data-open')).toBe('true');
    expect(await zkButton.innerText()).toBe('Show');
  });

  it('keeps each tab’s expanded tree, selection, open node, unsaved edit and scroll position', async () => {
    const prod = paneOf(page, 'zk prod');
    const dev = paneOf(page, 'etcd dev');

    await prod.show();
    expect(await frame()).toBe('prod');
    await prod.expand('/shop');
    await prod.expand('/shop/db');
    await prod.expand('/shop/items');
    await prod.open('/shop/db/url');
    const editorLines = (await prod.pane()).locator('[data-testid=value-editor] .view-lines');
    expect(await editorLines.count()).toBe(1);
    await editorLines.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('postgres://edited-but-not-saved');
    await (await prod.pane()).getByTestId('unsaved-marker').waitFor();
    await (await prod.pane()).getByTestId('tree').evaluate((el) => el.scrollTo(0, 2400));
    await expect.poll(() => prod.scrollTop()).toBe(2400);
    await screenshot(page, 'tabs-prod-active');

    await dev.show();
    expect(await frame()).toBe('dev');
    expect(await label()).toBe('dev');
    await dev.expand('/shop');
    await dev.expand('/shop/items');
    await dev.open(item(7));
    await (await dev.pane()).getByTestId('tree').evaluate((el) => el.scrollTo(0, 900));
    await expect.poll(() => dev.scrollTop()).toBe(900);
    await screenshot(page, 'tabs-dev-active');

    await prod.show();
    expect(await frame()).toBe('prod');
    expect(await label()).toBe('prod');
    const prodPane = await prod.pane();
    await prodPane.locator('[data-testid=value-panel][data-path="/shop/db/url"]').waitFor();
    await prodPane.getByTestId('unsaved-marker').waitFor();
    expect(await prodPane.locator('[data-testid=value-editor] .view-lines').innerText()).toContain(
      'edited-but-not-saved',
    );
    expect(await prod.scrollTop()).toBe(2400);
    expect(
      await prodPane.locator('[data-testid=tree-row][data-path^="/shop/items/item-"]').count(),
    ).toBeGreaterThan(0);
    // Back at the top: the levels opened before are still open, the node opened before still selected.
    await prodPane.getByTestId('tree').evaluate((el) => el.scrollTo(0, 0));
    await prodPane.locator('[data-testid=tree-row][data-path="/shop/db"][aria-expanded=true]').waitFor();
    await prodPane.locator('[data-testid=tree-row][data-path="/shop/db/url"][aria-selected=true]').waitFor();
    await prodPane.getByTestId('tree').evaluate((el) => el.scrollTo(0, 2400));

    await dev.show();
    expect(await dev.scrollTop()).toBe(900);
    const devPane = await dev.pane();
    await devPane.locator(`[data-testid=value-panel][data-path="${item(7)}"]`).waitFor();
    expect(await devPane.getByTestId('unsaved-marker').count()).toBe(0);
  });

  it('switches tabs with Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+1…9 and the arrow keys', async () => {
    const activeName = () =>
      page.locator('[data-testid=connection-tab][data-active=true]').getAttribute('data-name');
    await page.getByTestId('status-bar').click();
    expect(await activeName()).toBe('etcd dev');
    await page.keyboard.press('Control+Tab');
    expect(await activeName()).toBe('zk prod');
    await page.keyboard.press('Control+Shift+Tab');
    expect(await activeName()).toBe('etcd dev');
    await page.keyboard.press('Control+1');
    expect(await activeName()).toBe('zk prod');
    await page.keyboard.press('Control+9');
    expect(await activeName()).toBe('etcd dev');
    await page.locator('[data-testid=connection-tab][data-active=true] [role=tab]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await activeName()).toBe('zk prod');
    expect(await frame()).toBe('prod');
  });

  it('has no serious accessibility violation with two tabs and a tab’s menu open (axe-core)', async () => {
    const findings = await seriousViolations(page);
    expect(findings, describeFindings(findings)).toEqual([]);
    await paneOf(page, 'zk prod').tab.click({ button: 'right' });
    await page.getByTestId('connection-tab-menu').waitFor();
    const withMenu = await seriousViolations(page);
    expect(withMenu, describeFindings(withMenu)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('connection-tab-menu').waitFor({ state: 'detached' });
  });

  it('compares two tabs at the same path from a tab’s menu', async () => {
    const prod = paneOf(page, 'zk prod');
    await prod.show();
    await prod.open('/shop/db');
    await prod.tab.click({ button: 'right' });
    await page.getByTestId('connection-tab-menu').waitFor();
    await page.getByTestId('tab-action-compare-samePath').click();
    await page.getByTestId('compare-view').waitFor();
    expect(await page.getByTestId('compare-left-path').inputValue()).toBe('/shop/db');
    expect(await page.getByTestId('compare-right-path').inputValue()).toBe('/shop/db');
    const chosen = (side: string) =>
      page
        .getByTestId(`compare-${side}-connection`)
        .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text);
    expect(await chosen('left')).toBe('zk prod');
    expect(await chosen('right')).toBe('etcd dev');
    await page.locator('[data-testid=compare-row][data-status=changed]').waitFor();
    expect(await page.locator('[data-testid=compare-row][data-status=changed]').count()).toBe(1);
    await page.getByTestId('browser-tab').click();
  });

  it('keeps a hidden tab’s 100,000-row tree out of the frames of the tab shown', async () => {
    await connect(page, 'big snapshot', { keepTabs: true });
    const big = paneOf(page, 'big snapshot');
    await big.expand('/big');
    await (await big.row('/big/k000000')).waitFor();
    await paneOf(page, 'etcd dev').show();
    const bigPane = await big.pane();
    // Hidden with display: none: no box, and only the rows drawn before (a window of rows, never 100,000).
    expect(await bigPane.evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await bigPane.locator('[data-testid=tree-row]').count()).toBeLessThan(200);
    // Frames while the shown tab's tree scrolls, printed for the record (headless Chromium on a shared machine).
    const devTree = (await paneOf(page, 'etcd dev').pane()).getByTestId('tree');
    const frames = await devTree.evaluate(
      (el) =>
        new Promise<number[]>((resolve) => {
          const deltas: number[] = [];
          let last = performance.now();
          let steps = 0;
          const step = (now: number) => {
            deltas.push(now - last);
            last = now;
            el.scrollTop = (steps % 40) * 60;
            steps += 1;
            if (steps < 120) requestAnimationFrame(step);
            else resolve(deltas.slice(1));
          };
          requestAnimationFrame(step);
        }),
    );
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    console.log(
      `frames with a hidden 100k tree: median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    );
    expect(frames).toHaveLength(119);
    await big.show();
    await (await big.row('/big/k000000')).waitFor();
  });

  it('closes a tab and its session, asking first when it holds an unsaved edit', async () => {
    await paneOf(page, 'big snapshot')
      .tab.locator('[data-testid=connection-tab-close]')
      .click({ button: 'middle' });
    await page
      .locator('[data-testid=connection-tab][data-name="big snapshot"]')
      .waitFor({ state: 'detached' });

    const prod = paneOf(page, 'zk prod');
    await prod.show();
    await prod.open('/shop/db/url');
    const prodPane = await prod.pane();
    await prodPane.locator('[data-testid=value-editor] .view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type('?unsaved');
    await prodPane.getByTestId('unsaved-marker').waitFor();
    await prod.tab.locator('[data-testid=connection-tab-close]').click();
    await page.getByTestId('close-unsaved-dialog').waitFor();
    await page.getByTestId('close-unsaved-cancel').click();
    expect(await page.getByTestId('connection-tab').count()).toBe(2);
    expect(await frame()).toBe('prod');

    await prod.tab.locator('[data-testid=connection-tab-close]').click();
    await page.getByTestId('close-unsaved-confirm').click();
    await prod.tab.waitFor({ state: 'detached' });
    expect(await page.getByTestId('connection-tab').count()).toBe(1);
    expect(await frame()).toBe('dev');
    expect(await page.getByTestId('active-connection-name').innerText()).toBe('etcd dev');
    // Its session is gone: the sidebar offers Connect again, and reconnecting opens a fresh tab.
    await page
      .locator('[data-testid=connection-item][data-name="zk prod"] [data-testid=connect-button]')
      .waitFor();
    await connect(page, 'zk prod', { keepTabs: true });
    expect(await page.getByTestId('unsaved-marker').count()).toBe(0);
  });
});

// No profiles yet: the main screen offers the connection form and the two example snapshots, which open as
// two read-only tabs that can be browsed and compared at once. Screenshot: first-run.png.
describe('first run', () => {
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    ui = await openConsole([]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
  });

  it('offers to add a connection, opening the usual form', async () => {
    await page.getByTestId('first-run').waitFor();
    await screenshot(page, 'first-run');
    const findings = await seriousViolations(page);
    expect(findings, describeFindings(findings)).toEqual([]);
    await page.getByTestId('first-run-add').click();
    await page.getByTestId('connection-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('connection-form').waitFor({ state: 'detached' });
  });

  it('says the same in Chinese', async () => {
    const zh = await ui.browser.newPage({ viewport: { width: 1400, height: 850 }, locale: 'zh-CN' });
    await zh.goto(ui.app.url);
    await zh.getByTestId('first-run').waitFor();
    expect(await zh.getByTestId('first-run-examples').innerText()).toBe('打开示例快照');
    await screenshot(zh, 'first-run-zh-CN');
    await zh.close();
  });

  it('opens both example snapshots as read-only tabs, ready to browse and compare', async () => {
    await page.getByTestId('first-run-examples').click();
    await page.locator('[data-testid=connection-tab]').nth(1).waitFor();
    const tabs = page.getByTestId('connection-tab');
    expect(await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('data-env')))).toEqual([
      'prod',
      'staging',
    ]);
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    await page
      .locator('[data-testid=connection-pane]:not([hidden]) [data-testid=tree-row][data-path="/db"]')
      .waitFor();
    await screenshot(page, 'first-run-examples');

    await tabs.first().click({ button: 'right' });
    await page.getByTestId('tab-action-compare-samePath').click();
    await page.locator('[data-testid=compare-row][data-status=changed]').first().waitFor();
    await screenshot(page, 'first-run-compare');

    // Keyboard only: Delete closes the focused tab (the × stays out of the tab order).
    await page.locator('[data-testid=connection-tab][data-active=true] [role=tab]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('connection-tab').count()).toBe(1);
  });
});
