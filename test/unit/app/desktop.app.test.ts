import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDesktopApp, type DesktopAppDeps } from '../../../electron/app/desktop.app.js';
import { SHUTDOWN_TIMEOUT_MS } from '../../../electron/app/quit.guard.js';
import type { Core } from '../../../electron/core/core.types.js';
import { IPC_THEME_CHANNEL } from '../../../shared/contract/wire.js';
import {
  electronFake,
  fakeEvent,
  FakeWebContents,
  resetElectronFake,
  type ElectronFake,
} from './fakes/electron.fake.js';

vi.mock('electron', async () => (await import('./fakes/electron.fake.js')).createElectronFake());

function fakeCore(): Core & { close: ReturnType<typeof vi.fn> } {
  return {
    dispatch: vi.fn(async () => ({ ok: true as const, result: null })),
    onEvent: vi.fn(() => () => undefined),
    releaseClient: vi.fn(),
    close: vi.fn(async () => undefined),
  };
}

/** Starts the app on a reset electron fake, since the app registers listeners on `app`. */
async function start(overrides: Partial<DesktopAppDeps> = {}) {
  const electron: ElectronFake = await electronFake();
  resetElectronFake(electron);
  const core = fakeCore();
  const deps: DesktopAppDeps = {
    createCore: vi.fn(async () => core),
    resolveDataDir: vi.fn(() => '/tmp/configdeck-never-written'),
    env: {},
    platform: 'linux',
    preloadPath: '/app/preload.cjs',
    rendererDir: '/app/renderer',
    ...overrides,
  };
  const started = startDesktopApp(deps);
  return { electron, core, deps, started };
}

/** Clicks File › New Window in the menu the app installed. */
function newWindowFromMenu(t: { electron: ElectronFake }): void {
  const template = t.electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{
    label?: string;
    submenu?: Array<{ label?: string; click?: () => void }>;
  }>;
  const newWindow = template.find((menu) => menu.label === 'File')?.submenu?.[0];
  expect(newWindow?.label).toBe('New Window');
  newWindow?.click?.();
}

describe('startDesktopApp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands over to the running instance when the single-instance lock is taken', async () => {
    const electron = await electronFake();
    resetElectronFake(electron);
    electron.app.hasLock = false;
    const createCore = vi.fn();
    await startDesktopApp({
      createCore,
      resolveDataDir: () => '/x',
      env: {},
      platform: 'linux',
      preloadPath: '/p',
    });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('passes the environment to resolveDataDir and opens the core over that directory', async () => {
    const opened: string[] = [];
    const t = await start({
      env: { CONFIGDECK_HOME: '/data/cd' },
      resolveDataDir: vi.fn((env: NodeJS.ProcessEnv) => env.CONFIGDECK_HOME ?? 'missing'),
      createCore: vi.fn(async (options) => {
        opened.push(options.dataDir);
        return fakeCore();
      }),
    });
    t.electron.app.becomeReady();
    await t.started;
    expect(opened).toEqual(['/data/cd']);
  });

  it('shows why and exits 1 when the core cannot start, opening no window', async () => {
    const t = await start({
      createCore: vi.fn(async () => Promise.reject(new Error('The data directory is not writable.'))),
    });
    t.electron.app.becomeReady();
    await t.started;
    expect(t.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'ConfigDeck could not start',
      'The data directory is not writable.',
    );
    expect(t.electron.app.exit).toHaveBeenCalledWith(1);
    expect(t.electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('keeps running without windows on macOS and reopens the window on activate', async () => {
    const t = await start({ platform: 'darwin' });
    t.electron.app.becomeReady();
    await t.started;
    t.electron.BrowserWindow.instances[0]!.close();
    t.electron.app.emit('window-all-closed');
    expect(t.electron.app.quit).not.toHaveBeenCalled();
    t.electron.app.emit('activate');
    expect(t.electron.BrowserWindow.instances).toHaveLength(2);
    t.electron.app.emit('activate');
    expect(t.electron.BrowserWindow.instances).toHaveLength(2);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const t = await start();
    t.electron.app.becomeReady();
    await t.started;
    const window = t.electron.BrowserWindow.instances[0]!;
    const focus = vi.spyOn(window, 'focus');
    t.electron.app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });

  it('opens a second window on the same core from File › New Window, both trusted, the latest focused', async () => {
    const t = await start();
    t.electron.app.becomeReady();
    await t.started;
    newWindowFromMenu(t);
    const [first, second] = t.electron.BrowserWindow.instances;
    expect(t.electron.BrowserWindow.instances).toHaveLength(2);
    expect(t.core.dispatch).not.toHaveBeenCalled();

    // One IPC handler serves both windows' pages; each is answered as itself.
    const handler = t.electron.ipcMain.handle.mock.calls[0]?.[1] as (
      event: unknown,
      method: string,
      input: unknown,
    ) => Promise<{ ok: boolean }>;
    for (const window of [first!, second!]) {
      const contents = window.webContents;
      await expect(
        handler({ sender: contents, senderFrame: contents.mainFrame }, 'app.info', {}),
      ).resolves.toMatchObject({ ok: true });
      expect(t.core.dispatch).toHaveBeenLastCalledWith('app.info', {}, `window:${contents.id}`);
    }

    // A second instance goes to the window focused last; closing it leaves the other one in charge.
    const focusFirst = vi.spyOn(first!, 'focus');
    const focusSecond = vi.spyOn(second!, 'focus');
    t.electron.app.emit('second-instance');
    expect(focusSecond).toHaveBeenCalledTimes(1);
    first!.emit('focus');
    t.electron.app.emit('second-instance');
    expect(focusFirst).toHaveBeenCalledTimes(1);
    first!.close();
    t.electron.app.emit('second-instance');
    expect(focusSecond).toHaveBeenCalledTimes(2);
    const closedContents = first!.webContents;
    await expect(
      handler({ sender: closedContents, senderFrame: closedContents.mainFrame }, 'app.info', {}),
    ).resolves.toMatchObject({ ok: false });
  });

  it('paints each window in the background of the OS scheme, so dark mode never flashes white', async () => {
    const t = await start();
    t.electron.nativeTheme.shouldUseDarkColors = true;
    t.electron.app.becomeReady();
    await t.started;
    expect(t.electron.BrowserWindow.instances[0]?.options.backgroundColor).toBe('#111418');
  });

  it('follows the theme chosen in the console: native theme, every window, and new windows, from its own page only', async () => {
    const t = await start();
    t.electron.nativeTheme.shouldUseDarkColors = true;
    t.electron.app.becomeReady();
    await t.started;
    const [channel, onChoice] = (t.electron.ipcMain.on.mock.calls[0] ?? []) as [
      string,
      (event: unknown, theme: unknown) => void,
    ];
    expect(channel).toBe(IPC_THEME_CHANNEL);
    const window = t.electron.BrowserWindow.instances[0]!;
    const fromPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };

    onChoice(fromPage, 'light');
    expect(t.electron.nativeTheme.themeSource).toBe('light');
    expect(window.background).toBe('#f3f5f8');
    newWindowFromMenu(t);
    expect(t.electron.BrowserWindow.instances.at(-1)?.options.backgroundColor).toBe('#f3f5f8');

    // Not from the page, or not a theme: nothing changes.
    const stray = new FakeWebContents(77);
    onChoice({ sender: stray, senderFrame: stray.mainFrame }, 'dark');
    onChoice(fromPage, 'purple');
    expect(t.electron.nativeTheme.themeSource).toBe('light');

    // Back to the system: the OS is dark, and a later switch of the OS repaints.
    onChoice(fromPage, 'system');
    expect(window.background).toBe('#111418');
    t.electron.nativeTheme.osSwitches(false);
    expect(window.background).toBe('#f3f5f8');
  });

  it('hardens every web contents the app creates', async () => {
    const t = await start();
    const contents = new FakeWebContents(99);
    t.electron.app.emit('web-contents-created', fakeEvent(), contents);
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('quits anyway when the core does not close in time', async () => {
    const t = await start();
    t.electron.app.becomeReady();
    await t.started;
    vi.useFakeTimers();
    t.core.close.mockImplementation(() => new Promise(() => undefined));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    t.electron.app.quit();
    expect(t.electron.app.exitCode).toBeNull();
    t.electron.app.quit();
    expect(t.core.close).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SHUTDOWN_TIMEOUT_MS + 10);
    expect(t.electron.app.exitCode).toBe(0);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('did not close'));
    error.mockRestore();
  });
});
