import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { b64, startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openConsole, type ColorScheme, type ConsolePage } from './support/console-page.js';
import { describeFindings, seriousViolations } from './support/axe.js';
import { closeOtherTabs, connect, startCompare } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';
import { RECENT_NODE_DWELL_MS } from '../../renderer/src/features/palette/useRecordRecentNode.js';

// The command palette and the shortcuts sheet in Chromium against a real ZooKeeper, driven by the keyboard
// (and once by the mouse): Ctrl+K, path completion from the loaded tree, tabs, connections, recent nodes,
// the last compare again, `?`, and focus kept in the dialogs and given back. Screenshots of both dialogs
// in light and dark land in .scratch/screenshots/palette-*.png.
describe('command palette in the browser', () => {
  let zk: ZooKeeperServer;
  let seeder: CoreClient;
  let seedId: string;
  let console_: ConsolePage;
  let page: Page;

  const palette = () => page.getByTestId('command-palette');
  const input = () => page.getByTestId('palette-input');
  const option = (id: string): Locator => page.locator(`[data-testid=palette-option][data-id="${id}"]`);
  const activeOption = () => page.locator('[data-testid=palette-option][data-active=true]');
  const focusedTestId = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const focusIsInside = (testId: string) =>
    page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
  const selectedRow = (path: string) =>
    page.locator(`[data-testid=tree-row][data-path="${path}"][data-selected=true]`);
  const openPalette = async () => {
    await page.keyboard.press('Control+K');
    await palette().waitFor();
  };

  beforeAll(async () => {
    zk = await startZooKeeper();
    seeder = await startCoreClient('seeder');
    seedId = (
      await seeder.call('connections.save', {
        name: 'seed',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
      })
    ).id;
    const create = (path: string, value = '') =>
      seeder.call('node.create', { connectionId: seedId, path, valueBase64: b64(value) });
    await create('/app');
    await create('/app/config', 'limit=10');
    await create('/app/database', 'url=jdbc:x');
    await create('/app/deploy', 'v1');
    await create('/other');
    await create('/other/config', 'limit=10');
    console_ = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'zk staging', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'staging' },
    ]);
    page = console_.page;
    await connect(page, 'zk dev');
    await page.locator('[data-testid=tree-row][data-path="/app"]').waitFor();
  });

  afterAll(async () => {
    await console_?.close();
    await seeder?.close();
    await zk?.stop();
  });

  it('opens with Ctrl+K as a labelled modal dialog, keeps focus in it, and gives it back on Escape', async () => {
    await page.getByTestId('tree').focus();
    await openPalette();
    expect(await focusedTestId()).toBe('palette-input');
    const dialog = palette();
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const labelId = await dialog.getAttribute('aria-labelledby');
    expect(await page.locator(`[id="${labelId}"]`).textContent()).toBe('Command palette');
    // The list is a listbox; the box names its active option.
    expect(await page.getByRole('listbox').count()).toBe(1);
    const activeId = await input().getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).getAttribute('data-active')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await input().getAttribute('aria-activedescendant')).not.toBe(activeId);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsInside('command-palette')).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('tree');
  });

  it('completes a path from the loaded tree and reveals it in the browser', async () => {
    await openPalette();
    await input().fill('/ap');
    expect(await activeOption().getAttribute('data-id')).toBe('path:/app');
    // → takes the completion to go on below it: the children of /app are offered.
    await input().press('ArrowRight');
    expect(await input().inputValue()).toBe('/app/');
    await option('path:/app/database').waitFor();
    await option('path:/app/deploy').waitFor();
    await page.keyboard.type('dat');
    expect(await activeOption().getAttribute('data-id')).toBe('path:/app/database');
    expect(await option('path:/app/deploy').count()).toBe(0);
    await page.keyboard.press('Enter');
    await palette().waitFor({ state: 'detached' });
    await selectedRow('/app/database').waitFor();
    await page.locator('[data-testid=value-panel][data-path="/app/database"]').waitFor();
    // The operator reads it: a node open this long is a recent node (one passed on the way is not).
    await page.waitForTimeout(RECENT_NODE_DWELL_MS + 200);
  });

  it('lists a typed parent the tree has not expanded (once) to complete below it', async () => {
    await openPalette();
    await page.keyboard.type('/other/config');
    await option('path:/other/config').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=value-panel][data-path="/other/config"]').waitFor();
  });

  /** The recent nodes the open palette lists, newest first; a node counts once it has stayed open a moment. */
  const recentPaths = () =>
    page
      .locator('[data-testid=palette-option][data-id^="recent:"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''))
      .then((ids) => ids.map((id) => id.slice(id.indexOf(':/') + 1)));

  it('jumps back to a recent node', async () => {
    await openPalette();
    // Newest first: /other/config, then /app/database.
    await expect.poll(recentPaths, { timeout: 5000 }).toEqual(['/other/config', '/app/database']);
    await page.keyboard.type('datab');
    // The recent node comes before the same loaded path: its group matches as well and is listed first.
    expect(await activeOption().getAttribute('data-id')).toMatch(/^recent:.+:\/app\/database$/);
    await page.keyboard.press('Enter');
    await selectedRow('/app/database').waitFor();
  });

  it('records only the node the arrow keys stop at, not each one passed on the way', async () => {
    // The jump back made /app/database the newest once it stayed open.
    await openPalette();
    await expect.poll(recentPaths, { timeout: 5000 }).toEqual(['/app/database', '/other/config']);
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
    await selectedRow('/app/database').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await selectedRow('/app').waitFor();
    await openPalette();
    await expect.poll(recentPaths, { timeout: 5000 }).toEqual(['/app', '/app/database', '/other/config']);
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
  });

  it('opens a tab from the palette and with Alt+<n>', async () => {
    await openPalette();
    await page.keyboard.type('compare');
    expect(await activeOption().getAttribute('data-id')).toBe('tab:compare');
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-view').waitFor({ state: 'visible' });
    expect(await page.getByTestId('compare-tab').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+1');
    expect(await page.getByTestId('browser-tab').getAttribute('aria-selected')).toBe('true');
  });

  it('switches to another saved connection', async () => {
    await openPalette();
    await page.keyboard.type('staging');
    expect(await activeOption().textContent()).toContain('Switch to zk staging');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=connection-item][data-name="zk staging"][data-active=true]').waitFor();
    await page.locator('[data-testid=connection-state][data-state=connected]').waitFor();
    expect(await page.getByTestId('active-connection-name').textContent()).toBe('zk staging');
    // It opened beside the first, in a tab of its own; the tests below work on zk dev alone again.
    expect(await page.getByTestId('connection-tab').count()).toBe(2);
    await closeOtherTabs(page, 'zk dev');
    expect(await page.getByTestId('active-connection-name').textContent()).toBe('zk dev');
  });

  it('runs the last compare again', async () => {
    await startCompare(
      page,
      { connection: 'zk dev', path: '/app' },
      { connection: 'zk staging', path: '/other' },
    );
    const summary = page.getByTestId('compare-summary');
    await page.locator('[data-testid=compare-summary][data-only-right="0"]').waitFor();
    expect(await summary.getAttribute('data-only-left')).toBe('2');
    await seeder.call('node.create', { connectionId: seedId, path: '/other/new', valueBase64: b64('new') });
    await page.keyboard.press('Alt+1');
    await page.getByTestId('compare-view').waitFor({ state: 'hidden' });
    await openPalette();
    await page.keyboard.type('again');
    expect(await activeOption().getAttribute('data-id')).toBe('compare-again');
    expect(await activeOption().textContent()).toContain('zk dev');
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-view').waitFor({ state: 'visible' });
    await page.locator('[data-testid=compare-summary][data-only-right="1"]').waitFor();
    expect(await page.getByTestId('compare-right-path').inputValue()).toBe('/other');
    await page.keyboard.press('Alt+1');
  });

  it('shows every shortcut on ?, keeps Tab inside the sheet, and returns focus', async () => {
    await page.getByTestId('tree').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcuts-sheet');
    await sheet.waitFor();
    expect(await sheet.getAttribute('aria-modal')).toBe('true');
    const keysOf = (id: string) =>
      sheet
        .locator(`[data-testid=shortcut-row][data-id="${id}"] .key-combo`)
        .first()
        .getAttribute('data-keys');
    expect(await keysOf('palette')).toBe('Ctrl+K');
    expect(await keysOf('shortcuts')).toBe('?');
    expect(await keysOf('tab:browser')).toBe('Alt+1');
    expect(await keysOf('save')).toBe('Ctrl+S');
    expect(await keysOf('move')).toBe('↑');
    // The connection tabs' and the editor's own keys are listed too.
    expect(await keysOf('tabCycle')).toBe('Ctrl+Tab');
    expect(await keysOf('tabDigit')).toBe('Ctrl+1…9');
    expect(await keysOf('editorTab')).toBe('Ctrl+M');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsInside('shortcuts-sheet')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('tree');
  });

  it('opens settings with Ctrl+, and gives the focus back when they close', async () => {
    await page.getByTestId('tree').focus();
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('tree');
  });

  it('leaves ? to a text box, but Ctrl+K still opens the palette from it', async () => {
    const goTo = page.getByTestId('go-to-path');
    await goTo.fill('');
    await goTo.focus();
    await page.keyboard.press('?');
    expect(await goTo.inputValue()).toBe('?');
    expect(await page.getByTestId('shortcuts-sheet').count()).toBe(0);
    await openPalette();
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('go-to-path');
    await goTo.fill('');
  });

  it('opens the palette from the value editor too, and gives the editor its focus back', async () => {
    await page.locator('[data-testid=value-editor] .view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    expect(await page.getByTestId('shortcuts-sheet').count()).toBe(0);
    await openPalette();
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=value-editor]'))).toBe(
      true,
    );
    await page.keyboard.press('Backspace');
  });

  it('works by mouse: the header button, a click on an item, a click beside the dialog', async () => {
    await page.getByTestId('header-palette').click();
    await palette().waitFor();
    await option('tab:audit').click();
    await palette().waitFor({ state: 'detached' });
    expect(await page.getByTestId('audit-tab').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('header-palette').click();
    await option('shortcuts').click();
    await page.getByTestId('shortcuts-sheet').waitFor();
    await page.getByTestId('shortcuts-sheet-close').click();
    await page.getByTestId('shortcuts-sheet').waitFor({ state: 'detached' });
    await page.getByTestId('header-palette').click();
    await palette().waitFor();
    await page.mouse.click(5, 800);
    await palette().waitFor({ state: 'detached' });
    await page.getByTestId('browser-tab').click();
  });

  describe.each(['light', 'dark'] as const)('in the %s scheme', (scheme: ColorScheme) => {
    it('looks right and passes axe: the palette with a path completion, the commands, the shortcuts sheet', async () => {
      const other = await console_.browser.newPage({
        viewport: { width: 1400, height: 850 },
        colorScheme: scheme,
        locale: scheme === 'dark' ? 'zh-CN' : 'en-US',
      });
      try {
        await other.goto(console_.app.url);
        await connect(other, 'zk dev');
        await other.locator('[data-testid=tree-row][data-path="/app"]').waitFor();
        await other.keyboard.press('Control+K');
        await other.getByTestId('palette-input').fill('/app/');
        await other.locator('[data-testid=palette-option][data-id="path:/app/config"]').waitFor();
        await screenshot(other, `palette-${scheme}-paths`);
        const paletteFindings = await seriousViolations(other);
        expect(paletteFindings, describeFindings(paletteFindings)).toEqual([]);
        await other.getByTestId('palette-input').fill('');
        await screenshot(other, `palette-${scheme}-commands`);
        // English titles match in either language (the dark page is in 简体中文).
        await other.getByTestId('palette-input').fill('compare');
        await other
          .locator('[data-testid=palette-option][data-id="tab:compare"][data-active=true]')
          .waitFor();
        expect(await other.locator('[data-testid=palette-option][data-active=true]').textContent()).toContain(
          scheme === 'dark' ? '打开比较' : 'Open Compare',
        );
        await other.keyboard.press('Escape');
        await other.getByTestId('tree').focus();
        await other.keyboard.press('?');
        await other.getByTestId('shortcuts-sheet').waitFor();
        await screenshot(other, `palette-${scheme}-shortcuts`);
        const sheetFindings = await seriousViolations(other);
        expect(sheetFindings, describeFindings(sheetFindings)).toEqual([]);
        const title = await other.locator('[data-testid=shortcuts-sheet] h2').textContent();
        expect(title).toBe(scheme === 'dark' ? '键盘快捷键' : 'Keyboard shortcuts');
      } finally {
        await other.close();
      }
    });
  });
});
