import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort } from '../servers/free-port.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath, saveWithConfirm, startCompare, typeIntoEditor } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import searchZh from '../../renderer/src/i18n/locales/zh-CN/search.json' with { type: 'json' };
import paletteZh from '../../renderer/src/i18n/locales/zh-CN/palette.json' with { type: 'json' };
import tabsZh from '../../renderer/src/i18n/locales/zh-CN/tabs.json' with { type: 'json' };
import coreLabelsZh from '../../renderer/src/i18n/locales/zh-CN/coreLabels.json' with { type: 'json' };
import zooKeeperZh from '../../renderer/src/i18n/locales/zh-CN/sentencesZookeeper.json' with { type: 'json' };

// The UI in 简体中文 and English in Chromium against a real ZooKeeper: the browser's locale chooses the
// language by default, a choice in settings re-renders at once (no reload) and survives a reload, errors
// from a real failed call are in the language with the core's sentence beneath, and numbers and times are
// written the locale's way. Screens of both languages go to .scratch/screenshots/i18n-<locale>-<screen>.png.
describe('languages in the browser', () => {
  let zk: ZooKeeperServer;
  let deadPort: number;

  beforeAll(async () => {
    zk = await startZooKeeper();
    deadPort = await freePort();
  });
  afterAll(async () => {
    await zk?.stop();
  });

  const profiles = () => [
    { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
    { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
    {
      name: 'zk down',
      kind: 'zookeeper',
      endpoints: [`127.0.0.1:${deadPort}`],
      environment: 'dev',
      sessionTimeoutMs: 2000,
    },
  ];

  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

  describe('with the browser in zh-CN', () => {
    let console: ConsolePage;
    let page: Page;
    const shot = (screen: string) => screenshot(page, `i18n-zh-CN-${screen}`);

    beforeAll(async () => {
      // Dark here and light in English: with themes.test.ts (both schemes) every pairing is seen once.
      console = await openConsole(profiles(), undefined, { locale: 'zh-CN', colorScheme: 'dark' });
      page = console.page;
      await page.getByTestId('connection-sidebar').waitFor();
    });
    afterAll(async () => {
      await console?.close();
    });

    it('shows the main screen in Chinese by default', async () => {
      expect(await lang(page)).toBe('zh-CN');
      const sidebar = await text(page, 'connection-sidebar');
      expect(sidebar).toContain('连接');
      expect(sidebar).toContain('新建');
      expect(await page.locator('main, .app-main').first().innerText()).toContain(tabsZh.noConnection.title);
      expect(tabsZh.noConnection.title).toMatch(/[\u4e00-\u9fff]/);
      await shot('start');
    });

    it('shows a connected ZooKeeper tree and a node in Chinese, with counts the zh-CN way', async () => {
      await connect(page, 'zk dev');
      await page.getByTestId('go-to-path').waitFor();
      expect(await page.getByTestId('go-to-path').getAttribute('placeholder')).toContain('转到路径');
      await openPath(page, '/zookeeper');
      const toolbar = await page.locator('.value-toolbar').innerText();
      expect(toolbar).toContain('视图');
      expect(toolbar).toContain('删除');
      expect(await text(page, 'value-size')).toMatch(/字节/);
      // The core's metadata labels come from the catalogue by their key; the zxid values stay as they are.
      const dataVersion = page.locator('[data-testid=meta-row][data-key=dataVersion]');
      expect(await dataVersion.locator('th').innerText()).toBe(coreLabelsZh.metaField.dataVersion);
      expect(await page.locator('[data-testid=meta-row][data-key=czxid] td').innerText()).toMatch(/^0x/);
      await shot('browser');
    });

    it('labels the servers figures in Chinese', async () => {
      await page.getByTestId('servers-tab').click();
      const figure = page.locator('[data-testid=server-member] .member-metric[data-key=znodes]').first();
      await figure.waitFor();
      expect(await figure.locator('.muted').innerText()).toBe(coreLabelsZh.memberMetric.znodes);
      await shot('servers');
      await page.getByTestId('browser-tab').click();
    });

    it('writes the core’s sentences about the server in Chinese: feature names and details', async () => {
      await page.getByTestId('server-info-button').click();
      const tls = page.locator('[data-testid=server-feature][data-name="TLS"]');
      await tls.waitFor();
      expect(await tls.locator('td').last().innerText()).toBe(zooKeeperZh.plainTcp);
      const ttl = page.locator('[data-testid=server-feature][data-name="TTL nodes"]');
      expect(await ttl.locator('th').innerText()).toBe(zooKeeperZh.featureTtlNodes);
      // A sentence inside a sentence: where the version came from, in Chinese too.
      const persistent = page.locator('[data-testid=server-feature][data-name="Persistent watches"]');
      expect(await persistent.locator('td').last().innerText()).toMatch(
        /^addWatch 与持久递归监听（ZooKeeper 3\.6\+），ZooKeeper 3\.\d/,
      );
      await shot('server-info');
      await page.getByTestId('server-info-close').click();
      await page.getByTestId('server-info').waitFor({ state: 'detached' });
    });

    it('writes a live stream’s children event and a search’s progress in Chinese', async () => {
      const writer = await connectedZkClient(zk.connectString);
      try {
        await writer.create('/i18n-watch', Buffer.from('x'));
        await page.getByTestId('watch-tab').click();
        await page.getByTestId('watch-path').fill('/i18n-watch');
        await page.getByTestId('watch-recursive').uncheck();
        await page.getByTestId('watch-start').click();
        await page.locator('[data-testid=stream-state][data-state=running]').waitFor();
        expect(await page.getByTestId('stream-method').innerText()).toContain(
          zooKeeperZh.streamMethodPersistentNode,
        );
        await writer.create('/i18n-watch/kid', Buffer.alloc(0));
        const children = page.locator('[data-testid=stream-event][data-type=children]').first();
        await children.waitFor({ timeout: 15_000 });
        await children.click();
        // The core's `added kid (1 child now)`, read back and written from the catalogue.
        expect(await page.getByTestId('event-detail').innerText()).toBe('新增 kid（现有 1 个子节点）');
        await shot('watch-detail');
        await page.keyboard.press('Escape');
        await page.getByTestId('event-diff-dialog').waitFor({ state: 'detached' });
        await shot('watch');

        await page.getByTestId('search-tab').click();
        await page.getByTestId('search-root').fill('/i18n-watch');
        await page.getByTestId('search-value').fill('x');
        await page.getByTestId('search-start').click();
        await expect.poll(() => page.getByTestId('search-progress').getAttribute('data-state')).toBe('done');
        expect(await text(page, 'search-state')).toBe(searchZh.searchProgressLine.state.done);
        // How the tree was read: the core's note, in Chinese.
        expect(await text(page, 'search-note')).toMatch(/^ZooKeeper：/);
        await shot('search');
        await page.getByTestId('browser-tab').click();
      } finally {
        await writer.close();
      }
    });

    it('shows a save’s history, a compare with its sync plan and the audit log in Chinese', async () => {
      const writer = await connectedZkClient(zk.connectString);
      try {
        for (const [path, value] of [
          ['/tour-l', ''],
          ['/tour-l/x', '{"v":1}'],
          ['/tour-l/y', 'same'],
          ['/tour-r', ''],
          ['/tour-r/x', '{"v":2}'],
          ['/tour-r/y', 'same'],
          ['/tour-r/z', 'new'],
        ] as const)
          await writer.create(path, Buffer.from(value));
      } finally {
        await writer.close();
      }
      const chinese = /[\u4e00-\u9fff]/;
      await openPath(page, '/tour-l/x');
      await typeIntoEditor(page, '{"v":3}');
      await saveWithConfirm(page);
      await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });
      await page.getByTestId('history-button').click();
      await page.locator('[data-testid=history-row][data-source=audit]').first().waitFor();
      expect((await page.getByTestId('history-note').allInnerTexts()).join(' ')).toMatch(chinese);
      await shot('history');
      await page.getByTestId('value-pane-button').click();

      await startCompare(
        page,
        { connection: 'zk dev', path: '/tour-l' },
        { connection: 'zk prod', path: '/tour-r' },
      );
      const summary = page.getByTestId('compare-summary');
      await summary.waitFor();
      expect(await summary.getAttribute('data-changed')).toBe('1');
      expect(await summary.innerText()).toMatch(chinese);
      await page.locator('[data-testid=compare-row][data-status=changed]').click();
      await page.locator('[data-testid=compare-value-diff] .view-lines').first().waitFor();
      await shot('compare');
      await page.getByTestId('sync-direction').selectOption('right-to-left');
      await page.getByTestId('sync-plan').click();
      await page.locator('[data-testid=sync-item][data-action=create]').waitFor();
      expect(await page.getByTestId('sync-counts').innerText()).toMatch(chinese);
      await shot('sync-plan');

      await page.getByTestId('audit-tab').click();
      const row = page.locator('[data-testid=audit-row]').first();
      await row.waitFor();
      await row.click();
      await shot('audit');
      await page.getByTestId('browser-tab').click();
    });

    it('opens a dialog in Chinese', async () => {
      await page.getByTestId('create-node-button').click();
      const dialog = page.locator('[role=dialog]').first();
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('创建');
      await shot('create-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    it('shows an error from a real failed connect in Chinese, the core sentence beneath', async () => {
      await page
        .locator('[data-testid=connection-item][data-name="zk down"] [data-testid=connect-button]')
        .click();
      const toast = page.getByTestId('error-message').last();
      await toast.waitFor({ timeout: 30_000 });
      const code = await toast.getAttribute('data-code');
      expect(code).toMatch(/UNREACHABLE|TIMEOUT/);
      const toastText = await toast.innerText();
      expect(toastText).toContain('连接到 zk down');
      expect(toastText).toMatch(code === 'TIMEOUT' ? /超时/ : /服务器不可达/);
      // The core's own sentence (English, naming the server) is kept as the detail.
      expect(await toast.getByTestId('error-detail').innerText()).toMatch(/[A-Za-z]/);
      await shot('error-toast');
    });

    it('lists the palette’s commands and the shortcuts sheet in Chinese', async () => {
      await page.keyboard.press('Control+K');
      const palette = page.getByTestId('command-palette');
      await palette.waitFor();
      await page.keyboard.type('打开');
      await page.getByTestId('palette-option').first().waitFor();
      const options = await page.locator('[data-testid=palette-option] .palette-label').allInnerTexts();
      expect(options).toContain(paletteZh.command.tab.audit);
      expect(options.join('\n')).not.toMatch(/\bOpen\b/);
      await shot('palette');
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'detached' });
      await page.keyboard.press('?');
      const sheet = page.getByTestId('shortcuts-sheet');
      await sheet.waitFor();
      expect(await sheet.innerText()).toContain(paletteZh.sheet.title);
      await shot('shortcuts');
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
    });

    it('switches to English in settings without a reload, and keeps it after a reload', async () => {
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      await page.getByTestId('header-settings').click();
      await page.getByTestId('settings-dialog').waitFor();
      await shot('settings');
      await page.getByTestId('settings-language-en').check();
      await page.getByTestId('settings-close').click();
      expect(await lang(page)).toBe('en');
      expect(await text(page, 'connection-sidebar')).toMatch(/connections/i);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      await page.reload();
      await page.getByTestId('connection-sidebar').waitFor();
      expect(await lang(page)).toBe('en');
      expect(await text(page, 'connection-sidebar')).toMatch(/connections/i);
      // Back to following the browser: Chinese again, live.
      await page.getByTestId('header-settings').click();
      await page.getByTestId('settings-language-system').check();
      await page.getByTestId('settings-close').click();
      expect(await lang(page)).toBe('zh-CN');
      expect(await text(page, 'connection-sidebar')).toContain('新建');
    });
  });

  describe('with the browser in en-US', () => {
    let console: ConsolePage;
    let page: Page;
    const shot = (screen: string) => screenshot(page, `i18n-en-US-${screen}`);

    beforeAll(async () => {
      console = await openConsole(profiles(), undefined, { locale: 'en-US' });
      page = console.page;
      await page.getByTestId('connection-sidebar').waitFor();
    });
    afterAll(async () => {
      await console?.close();
    });

    it('shows the main screen in English by default', async () => {
      expect(await lang(page)).toBe('en');
      expect(await text(page, 'connection-sidebar')).toMatch(/connections/i);
      await shot('start');
    });

    it('shows the tree and node in English, sizes the en-US way', async () => {
      await connect(page, 'zk dev');
      await openPath(page, '/zookeeper');
      expect(await page.locator('.value-toolbar').innerText()).toContain('View');
      expect(await text(page, 'value-size')).toMatch(/byte/);
      await shot('browser');
    });

    it('shows the core sentence itself as the error message in English', async () => {
      await page
        .locator('[data-testid=connection-item][data-name="zk down"] [data-testid=connect-button]')
        .click();
      const toast = page.getByTestId('error-message').last();
      await toast.waitFor({ timeout: 30_000 });
      expect(await toast.innerText()).toContain('Connect to zk down');
      expect(await toast.getByTestId('error-detail').count()).toBe(0);
      await shot('error-toast');
    });

    it('switches to Chinese in settings at once', async () => {
      await page.getByTestId('header-settings').click();
      await page.getByTestId('settings-language-zh-CN').check();
      await page.getByTestId('settings-close').click();
      expect(await lang(page)).toBe('zh-CN');
      expect(await text(page, 'connection-sidebar')).toContain('新建');
      // Chinese in an en-US browser formats the zh-CN way too.
      await openPath(page, '/zookeeper');
      expect(await text(page, 'value-size')).toMatch(/字节/);
      await page.getByTestId('header-settings').click();
      await page.getByTestId('settings-language-system').check();
      await page.getByTestId('settings-close').click();
      expect(await lang(page)).toBe('en');
    });
  });
});
