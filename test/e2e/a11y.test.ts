import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { describeFindings, seriousViolations } from './support/axe.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath, typeIntoEditor } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

// axe-core on every screen of the console, in both themes, against a real ZooKeeper: no serious or
// critical WCAG A/AA or best-practice violation. Each screen is reached the way an operator reaches it.
// English runs in the light theme and 简体中文 in the dark one, and every screen checked is kept as
// .scratch/screenshots/a11y-<theme>-<locale>-<screen>.png to be looked at.
describe.each([
  ['light', 'en-US'],
  ['dark', 'zh-CN'],
] as const)('accessibility (axe-core) in the %s theme, %s', (colorScheme, locale) => {
  let zk: ZooKeeperServer;
  let other: ZkClient;
  let ui: ConsolePage;
  let page: Page;

  const expectNoSeriousViolations = async (screen: string) => {
    const findings = await seriousViolations(page);
    await screenshot(page, `a11y-${colorScheme}-${locale}-${screen}`);
    expect(findings, describeFindings(findings)).toEqual([]);
  };

  beforeAll(async () => {
    zk = await startZooKeeper();
    other = await connectedZkClient(zk.connectString);
    for (const path of ['/app', '/app/config.json', '/app/flags'])
      await other.create(path, Buffer.from(path.endsWith('.json') ? '{ "limit": 10 }' : 'on=1'));
    ui = await openConsole(
      [
        { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
        { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
      ],
      undefined,
      { colorScheme, locale },
    );
    page = ui.page;
    await page.getByTestId('connection-sidebar').waitFor();
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await zk?.stop();
  });

  it('the start screen, before any connection is open', async () => {
    await page.getByTestId('no-connection').waitFor();
    await expectNoSeriousViolations('start');
  });

  /** Opens a dialog with its button, checks it, closes it with Escape and sees focus back on the button. */
  const checkDialog = async (openerTestId: string) => {
    const opener = page.getByTestId(openerTestId);
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    try {
      await expectNoSeriousViolations(openerTestId);
      // Focus is inside the dialog and Tab keeps it there.
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
      }
    } finally {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    expect(await opener.evaluate((button) => document.activeElement === button)).toBe(true);
  };

  it('the new-connection form, keyboard only', () => checkDialog('new-connection'));

  it('the settings dialog, keyboard only', () => checkDialog('header-settings'));

  it('the browser with a node open in the editor', async () => {
    await connect(page, 'zk prod');
    await openPath(page, '/app/config.json');
    await page.locator('[data-testid=value-editor] .view-lines').waitFor();
    await expectNoSeriousViolations('browser');
  });

  it('shows where the keyboard focus is on every element Tab reaches', async () => {
    await page.getByTestId('go-to-path').focus();
    const unmarked: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!(element instanceof HTMLElement) || element === document.body) return null;
        // Monaco draws its own caret for its hidden input, and keeps Tab for indenting (Ctrl+M hands
        // Tab back to focus moves): the walk ends there.
        if (element.closest('.monaco-editor')) return 'editor';
        const style = getComputedStyle(element);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const inset = style.boxShadow !== 'none';
        return ring || inset
          ? null
          : `${element.tagName.toLowerCase()}[data-testid=${element.dataset.testid ?? '?'}]`;
      });
      if (focus === 'editor') break;
      if (focus) unmarked.push(focus);
    }
    expect(unmarked).toEqual([]);
  });

  it('the production save confirmation with its diff', async () => {
    await typeIntoEditor(page, '{ "limit": 11 }');
    await page.getByTestId('save-button').click();
    const dialog = page.getByTestId('save-confirm-dialog');
    await dialog.waitFor();
    try {
      await page.locator('[data-testid=save-diff] .view-lines').first().waitFor();
      // The changed characters' tint is drawn a moment later: check the diff with it, the darkest background.
      await page.locator('[data-testid=save-diff] .char-insert').first().waitFor();
      await expectNoSeriousViolations('save-confirm');
    } finally {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  });

  for (const tab of ['watch', 'servers', 'compare', 'search', 'audit'] as const) {
    it(`the ${tab} tab`, async () => {
      await page.getByTestId(`${tab}-tab`).click();
      await page.locator(`[data-testid=${tab}-tab][aria-selected=true]`).waitFor();
      // Let the view load what it shows first (server stats, the audit's first page).
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(500);
      await expectNoSeriousViolations(tab);
    });
  }
});

// The registry and cluster screens, which ZooKeeper does not have, on a real Consul (in Chinese, light).
describe('accessibility (axe-core) of the Consul screens', () => {
  let consul: ConsulServer;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    consul = await startConsul();
    ui = await openConsole(
      [{ name: 'consul dev', kind: 'consul', endpoints: [consul.endpoint] }],
      undefined,
      {
        locale: 'zh-CN',
        colorScheme: 'light',
      },
    );
    page = ui.page;
    await connect(page, 'consul dev');
  });

  afterAll(async () => {
    await ui?.close();
    await consul?.stop();
  });

  it('the browser and every registry tab', async () => {
    let findings = await seriousViolations(page);
    expect(findings, describeFindings(findings)).toEqual([]);
    const tabs = ['services', 'cluster', 'access'] as const;
    let seen = 0;
    for (const tab of tabs) {
      const button = page.getByTestId(`${tab}-tab`);
      if ((await button.count()) === 0) continue;
      seen++;
      await button.click();
      await page.locator(`[data-testid=${tab}-tab][aria-selected=true]`).waitFor();
      await page.waitForTimeout(800);
      findings = await seriousViolations(page);
      await screenshot(page, `a11y-light-zh-CN-consul-${tab}`);
      expect(findings, `${tab}: ${describeFindings(findings)}`).toEqual([]);
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});
