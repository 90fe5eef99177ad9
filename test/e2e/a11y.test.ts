import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { describeFindings, seriousViolations } from './support/axe.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';

// axe-core on every screen of the console, in both themes, against a real ZooKeeper: no serious or
// critical WCAG A/AA or best-practice violation. Each screen is reached the way an operator reaches it.
describe.each(['light', 'dark'] as const)('accessibility (axe-core) in the %s theme', (colorScheme) => {
  let zk: ZooKeeperServer;
  let other: ZkClient;
  let ui: ConsolePage;
  let page: Page;

  const expectNoSeriousViolations = async () => {
    const findings = await seriousViolations(page);
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
      { colorScheme },
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
    await expectNoSeriousViolations();
  });

  /** Opens a dialog with its button, checks it, closes it with Escape and sees focus back on the button. */
  const checkDialog = async (openerTestId: string) => {
    const opener = page.getByTestId(openerTestId);
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    try {
      await expectNoSeriousViolations();
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
    await expectNoSeriousViolations();
  });

  for (const tab of ['watch', 'servers', 'compare', 'search', 'audit'] as const) {
    it(`the ${tab} tab`, async () => {
      await page.getByTestId(`${tab}-tab`).click();
      await page.locator(`[data-testid=${tab}-tab][aria-selected=true]`).waitFor();
      // Let the view load what it shows first (server stats, the audit's first page).
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(500);
      await expectNoSeriousViolations();
    });
  }
});
