import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/app/app-scheme.js';
import { denyEmbeddedContent } from '../../../electron/app/navigation.guard.js';
import { createMainWindow } from '../../../electron/app/window.js';
import { windowBackground } from '../../../electron/app/window-background.js';
import { readPalettes } from '../theme/theme-css.js';
import { electronFake, fakeEvent, FakeWebContents, type ElectronFake } from './fakes/electron.fake.js';

vi.mock('electron', async () => (await import('./fakes/electron.fake.js')).createElectronFake());

describe('createMainWindow', () => {
  let electron: ElectronFake;
  beforeEach(async () => {
    electron = await electronFake();
    electron.BrowserWindow.instances.length = 0;
    electron.shell.openExternal.mockClear();
  });

  const open = (backgroundColor = '#f3f5f8') => {
    createMainWindow({ preloadPath: '/app/dist/node/electron/app/preload.cjs', backgroundColor });
    const window = electron.BrowserWindow.instances.at(-1);
    if (!window) throw new Error('no window was created');
    return window;
  };

  it('uses exactly the secure web preferences with the preload', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/node/electron/app/preload.cjs',
    });
  });

  it('paints the given background before the first paint (no white flash in dark mode)', () => {
    expect(open('#111418').options.backgroundColor).toBe('#111418');
  });

  it('loads the app entry and shows the window only once it is ready to show', () => {
    const window = open();
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('prevents navigation away from the app page and keeps in-app URLs', () => {
    const { webContents } = open();
    expect(webContents.tryNavigate('https://evil.example/phish')).toBe(true);
    expect(webContents.tryNavigate('file:///etc/passwd')).toBe(true);
    expect(webContents.tryNavigate('app://other-host/index.html')).toBe(true);
    expect(webContents.tryNavigate('app://configdeck/other.html')).toBe(true);
    expect(webContents.tryNavigate(`${APP_ENTRY_URL}#/connections`)).toBe(false);
  });

  it('opens a prevented web link in the browser, but never other schemes', () => {
    const { webContents } = open();
    webContents.tryNavigate('https://etcd.io/docs/');
    webContents.tryNavigate('javascript:alert(1)');
    webContents.tryNavigate('file:///etc/passwd');
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://etcd.io/docs/']]);
  });

  it('prevents redirects away from the app page', () => {
    const { webContents } = open();
    const event = fakeEvent('https://evil.example/');
    webContents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every window.open, handing only safe web links to the browser', () => {
    const { webContents } = open();
    const handler = webContents.windowOpenHandler;
    if (!handler) throw new Error('no window open handler');
    expect(handler({ url: 'https://zookeeper.apache.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://user:pw@example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/shadow' })).toEqual({ action: 'deny' });
    expect(handler({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://zookeeper.apache.org/']]);
  });
});

describe('windowBackground', () => {
  it('is the page background of the theme the OS asks for, as themes.css defines it', () => {
    const palettes = readPalettes();
    expect(windowBackground(true)).toBe(palettes.dark.get('bg'));
    expect(windowBackground(false)).toBe(palettes.light.get('bg'));
  });
});

describe('denyEmbeddedContent', () => {
  it('refuses <webview> and popups for any web contents', () => {
    const contents = new FakeWebContents(42);
    denyEmbeddedContent(contents as never);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
