import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { b64, startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import { readPalettes, type Palette } from '../unit/theme/theme-css.js';
import { parseHex } from '../unit/theme/color-math.js';
import { launchBrowser } from './support/browser.js';
import type { ColorScheme } from './support/console-page.js';
import { connect, openPath, startCompare, typeIntoEditor } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';
import { startWebApp, type WebApp } from './support/web-app.js';

// Light, dark and "follow the system" in Chromium against a real etcd: the OS scheme (colorScheme) is
// followed by default, a choice in settings overrides it at once and survives a reload, and Monaco follows.
// The screens of both themes are saved under .scratch/screenshots/theme-<scheme>-<screen>.png.
describe('themes in the browser', () => {
  let etcd: EtcdServer;
  let seeder: CoreClient;
  let app: WebApp;
  let browser: Browser;
  let seed: (path: string, value: string) => Promise<unknown>;
  const palettes = readPalettes();

  /** A palette colour as getComputedStyle reports it. */
  const rgb = (palette: Palette, name: string): string => {
    const { r, g, b } = parseHex(palette.get(name) ?? '');
    return `rgb(${r}, ${g}, ${b})`;
  };

  const openPage = async (colorScheme: ColorScheme): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 }, colorScheme });
    await page.goto(app.url);
    await page.getByTestId('connection-sidebar').waitFor();
    return page;
  };

  const painted = (page: Page) =>
    page.evaluate(() => ({
      theme: document.documentElement.getAttribute('data-theme'),
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
      body: getComputedStyle(document.body).backgroundColor,
    }));
  const backgroundOf = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
  const monacoBackground = (page: Page, testId: string) =>
    backgroundOf(page, `[data-testid=${testId}] .monaco-editor-background`);

  beforeAll(async () => {
    etcd = await startEtcd();
    seeder = await startCoreClient('seeder');
    const id = (
      await seeder.call('connections.save', { name: 'seed', kind: 'etcd', endpoints: [etcd.endpoint] })
    ).id;
    const put = (path: string, value: string) =>
      seeder.call('node.create', { connectionId: id, path, valueBase64: b64(value) });
    seed = put;
    await put('/app/config.json', '{\n  "feature": true,\n  "limit": 10\n}\n');
    await put('/app/flags', 'on=1');
    await put('/left/changed', '{ "timeout": 30 }');
    await put('/left/only-left', 'left only');
    await put('/right/changed', '{ "timeout": 45 }');
    app = await startWebApp([
      { name: 'etcd dev', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'dev' },
      { name: 'etcd prod', kind: 'etcd', endpoints: [etcd.endpoint], environment: 'prod' },
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await seeder?.close();
    await etcd?.stop();
  });

  describe.each(['light', 'dark'] as const)('when the OS asks for %s', (scheme) => {
    const palette = palettes[scheme];
    let page: Page;
    const shot = (screen: string) => screenshot(page, `theme-${scheme}-${screen}`);

    beforeAll(async () => {
      page = await openPage(scheme);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('paints the system scheme by default, body and panels', async () => {
      expect(await painted(page)).toEqual({ theme: scheme, colorScheme: scheme, body: rgb(palette, 'bg') });
      expect(await backgroundOf(page, '[data-testid=connection-sidebar]')).toBe(rgb(palette, 'panel'));
      await shot('start');
    });

    it('gives the value editor the theme of the UI', async () => {
      await connect(page, 'etcd dev');
      await openPath(page, '/app/config.json');
      await page.locator('[data-testid=value-editor] .view-lines').waitFor();
      expect(await monacoBackground(page, 'value-editor')).toBe(rgb(palette, 'editor-bg'));
      await shot('browser');
    });

    it('shows the save diff in the same theme', async () => {
      await typeIntoEditor(page, `{ "feature": false, "theme": "${scheme}" }`);
      await page.getByTestId('save-button').click();
      await page.getByTestId('save-confirm-dialog').waitFor();
      await page.locator('[data-testid=save-diff] .view-lines').first().waitFor();
      expect(await monacoBackground(page, 'save-diff')).toBe(rgb(palette, 'editor-bg'));
      await shot('save-diff');
      await page.getByTestId('save-confirm').click();
      await page.getByTestId('save-confirm-dialog').waitFor({ state: 'detached' });
    });

    it('frames prod in its own colour, and its typed confirmation is readable', async () => {
      await connect(page, 'etcd prod');
      const frame = page.getByTestId('env-frame');
      await page.locator('[data-testid=env-frame][data-env=prod]').waitFor();
      expect(await frame.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe(
        rgb(palette, 'env-prod'),
      );
      const label = page.getByTestId('env-label');
      expect(await label.evaluate((element) => getComputedStyle(element).color)).toBe(
        rgb(palette, 'on-env-prod'),
      );
      await openPath(page, '/app/flags');
      await page.locator('[data-testid=value-editor] .view-lines').waitFor();
      await shot('prod');
      await typeIntoEditor(page, 'on=0');
      await page.getByTestId('save-button').click();
      await page.getByTestId('save-confirm-input').waitFor();
      await shot('prod-dialog');
      await page.getByTestId('save-cancel').click();
      await page.getByTestId('save-confirm-dialog').waitFor({ state: 'detached' });
    });

    it('shows the compare view and its value diff in the theme', async () => {
      await startCompare(
        page,
        { connection: 'etcd dev', path: '/left' },
        { connection: 'etcd prod', path: '/right' },
      );
      await page.locator('[data-testid=compare-row][data-status=changed]').click();
      await page.locator('[data-testid=compare-value-diff] .view-lines').first().waitFor();
      expect(await monacoBackground(page, 'compare-value-diff')).toBe(rgb(palette, 'editor-bg'));
      await shot('compare');
    });

    it('shows the audit log in the theme', async () => {
      await page.getByTestId('audit-tab').click();
      await page.getByTestId('audit-view').waitFor();
      await page.locator('[data-testid=audit-row]').first().waitFor();
      await page.locator('[data-testid=audit-row]').first().click();
      await page.locator('[data-testid=audit-detail]').waitFor();
      await shot('audit');
    });

    it('shows the live event stream in the theme', async () => {
      await page.getByTestId('watch-tab').click();
      await page.getByTestId('watch-path').fill(`/watch-${scheme}`);
      await page.getByTestId('watch-start').click();
      await page
        .locator(`[data-testid=stream-tab][data-path="/watch-${scheme}"][data-state=running]`)
        .waitFor();
      await seed(`/watch-${scheme}/created`, 'created while watched');
      await page.locator('[data-testid=stream-event][data-type=created]').first().waitFor();
      await shot('watch');
    });

    it('highlights search matches readably in the theme', async () => {
      await page.getByTestId('search-tab').click();
      await page.getByTestId('search-view').waitFor();
      await page.getByTestId('search-root').fill('/left');
      await page.getByTestId('search-value-mode').selectOption('regex');
      await page.getByTestId('search-value').fill('time\\w+');
      await page.getByTestId('search-start').click();
      await page.locator('[data-testid=search-excerpt] mark').first().waitFor();
      await shot('search');
    });

    it('offers the theme in settings, "Follow the system" chosen', async () => {
      await page.getByTestId('header-settings').click();
      await page.getByTestId('settings-dialog').waitFor();
      expect(await page.getByTestId('settings-theme-system').isChecked()).toBe(true);
      await shot('settings');
      await page.getByTestId('settings-close').click();
    });
  });

  describe('choosing a theme in settings', () => {
    let page: Page;
    const choose = async (theme: 'system' | 'light' | 'dark') => {
      await page.getByTestId('header-settings').click();
      await page.getByTestId(`settings-theme-${theme}`).check();
    };
    const closeSettings = async () => {
      await page.getByTestId('settings-close').click();
      await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    };
    const openEditor = async () => {
      await connect(page, 'etcd dev');
      await openPath(page, '/app/flags');
      await page.locator('[data-testid=value-editor] .view-lines').waitFor();
    };

    beforeAll(async () => {
      page = await openPage('dark');
    });
    afterAll(async () => {
      await page?.close();
    });

    it('Light overrides a dark OS at once, the open editor included', async () => {
      await openEditor();
      expect(await monacoBackground(page, 'value-editor')).toBe(rgb(palettes.dark, 'editor-bg'));
      await choose('light');
      expect(await painted(page)).toEqual({
        theme: 'light',
        colorScheme: 'light',
        body: rgb(palettes.light, 'bg'),
      });
      await expect.poll(() => monacoBackground(page, 'value-editor')).toBe(rgb(palettes.light, 'editor-bg'));
      await closeSettings();
    });

    it('keeps Light over a reload, painted before the app script runs', async () => {
      // With the app's module script refused, only the boot script and the stylesheet are left.
      await page.route('**/assets/index-*.js', (route) => route.abort());
      await page.reload();
      expect(await painted(page)).toEqual({
        theme: 'light',
        colorScheme: 'light',
        body: rgb(palettes.light, 'bg'),
      });
      await page.unroute('**/assets/index-*.js');
      await page.reload();
      await page.getByTestId('connection-sidebar').waitFor();
      expect((await painted(page)).theme).toBe('light');
      await openEditor();
      expect(await monacoBackground(page, 'value-editor')).toBe(rgb(palettes.light, 'editor-bg'));
    });

    it('Dark overrides a light OS', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await choose('dark');
      expect(await painted(page)).toEqual({
        theme: 'dark',
        colorScheme: 'dark',
        body: rgb(palettes.dark, 'bg'),
      });
      await expect.poll(() => monacoBackground(page, 'value-editor')).toBe(rgb(palettes.dark, 'editor-bg'));
      await closeSettings();
    });

    it('"Follow the system" follows the OS live, while the window is open', async () => {
      await choose('system');
      await closeSettings();
      expect((await painted(page)).theme).toBe('light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(async () => (await painted(page)).body).toBe(rgb(palettes.dark, 'bg'));
      await expect.poll(() => monacoBackground(page, 'value-editor')).toBe(rgb(palettes.dark, 'editor-bg'));
      await page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(async () => (await painted(page)).theme).toBe('light');
      await expect.poll(() => monacoBackground(page, 'value-editor')).toBe(rgb(palettes.light, 'editor-bg'));
    });
  });
});
