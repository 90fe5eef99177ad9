import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/app/app-scheme.js';
import type { IpcInvokeEvent } from '../../../electron/app/ipc.adapter.js';
import type { CoreOptions } from '../../../electron/core/core.types.js';
import { IPC_INVOKE_CHANNEL, type CallResult } from '../../../shared/contract/wire.js';
import { electronFake, type ElectronFake } from './fakes/electron.fake.js';

vi.mock('electron', async () => (await import('./fakes/electron.fake.js')).createElectronFake());

/** The core is replaced by a recorder: main.ts's wiring is under test, not the engine. */
const fake = vi.hoisted(() => {
  const core = {
    dispatch: vi.fn(async (): Promise<CallResult> => ({ ok: true, result: 'dispatched' })),
    onEvent: vi.fn(() => () => undefined),
    releaseClient: vi.fn(),
    close: vi.fn(async () => undefined),
  };
  return { core, createCore: vi.fn(async (_options: unknown) => core) };
});
vi.mock('../../../electron/core/core.js', () => ({ createCore: fake.createCore }));

describe('main.ts (the Electron entry)', () => {
  let home: string;
  let electron: ElectronFake;
  const savedHome = process.env.CONFIGDECK_HOME;

  beforeAll(async () => {
    home = join(await mkdtemp(join(tmpdir(), 'configdeck-main-')), 'data');
    process.env.CONFIGDECK_HOME = home;
    electron = await electronFake();
    await import('../../../electron/app/main.js');
  });
  afterAll(async () => {
    if (savedHome === undefined) delete process.env.CONFIGDECK_HOME;
    else process.env.CONFIGDECK_HOME = savedHome;
    await rm(join(home, '..'), { recursive: true, force: true });
  });

  it('declares the app:// scheme and takes the single-instance lock before Electron is ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.createCore).not.toHaveBeenCalled();
  });

  it('creates the core in CONFIGDECK_HOME for the electron transport once ready', async () => {
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    expect(fake.createCore).toHaveBeenCalledTimes(1);
    const options = fake.createCore.mock.calls[0]?.[0] as CoreOptions;
    expect(options).toMatchObject({ dataDir: home, transport: 'electron', version: '9.8.7' });
  });

  it('gives the core a safeStorage cipher', async () => {
    const { cipher } = fake.createCore.mock.calls[0]?.[0] as CoreOptions;
    if (cipher === undefined) throw new Error('the desktop app must pass its safeStorage cipher');
    expect(cipher.availability()).toEqual({ available: true, reason: null });
    await cipher.encrypt('pw');
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith('pw');
  });

  it('serves the renderer, installs the CSP, the permission policy and the menu', () => {
    const ses = electron.session.defaultSession;
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('opens the window with the built preload on the app page', () => {
    const window = electron.BrowserWindow.instances[0];
    const prefs = window?.options.webPreferences as { preload: string };
    expect(prefs.preload).toMatch(/[\\/]electron[\\/]app[\\/]preload\.cjs$/);
    expect(window?.loadedUrls).toEqual([APP_ENTRY_URL]);
  });

  it("routes the window's IPC calls to the core under the window's client id", async () => {
    const [channel, handler] = electron.ipcMain.handle.mock.calls[0] ?? [];
    expect(channel).toBe(IPC_INVOKE_CHANNEL);
    const contents = electron.BrowserWindow.instances[0]!.webContents;
    const event: IpcInvokeEvent = { sender: contents, senderFrame: contents.mainFrame };
    const result = await (handler as (e: IpcInvokeEvent, ...args: unknown[]) => Promise<CallResult>)(
      event,
      'app.info',
      {},
    );
    expect(result).toEqual({ ok: true, result: 'dispatched' });
    expect(fake.core.dispatch).toHaveBeenCalledWith('app.info', {}, `window:${contents.id}`);
  });

  it('quits when the last window closes (not macOS) and closes the core before exiting', async () => {
    electron.BrowserWindow.instances[0]!.close();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.exitCode).toBe(0));
    expect(fake.core.close).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(2);
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
  });
});
