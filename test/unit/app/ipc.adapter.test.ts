import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/app/app-scheme.js';
import { registerIpcAdapter, type IpcInvokeEvent } from '../../../electron/app/ipc.adapter.js';
import { createTrustedSenderCheck } from '../../../electron/app/trusted-sender.js';
import type { CoreEventListener } from '../../../electron/core/core.types.js';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type CallResult } from '../../../shared/contract/wire.js';
import { FakeWebContents } from './fakes/electron.fake.js';

type InvokeHandler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<CallResult>;

/** A stand-in for the core that records what reached it (the Electron shell is under test, not the core). */
function fakeCore() {
  const listeners = new Set<CoreEventListener>();
  return {
    dispatch: vi.fn(async (): Promise<CallResult> => ({ ok: true, result: { from: 'core' } })),
    onEvent: vi.fn((listener: CoreEventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    releaseClient: vi.fn(),
    emit: ((event, payload) => {
      for (const listener of listeners) listener(event, payload);
    }) as CoreEventListener,
    listenerCount: () => listeners.size,
  };
}

function setup() {
  const contents = new FakeWebContents(7, APP_ENTRY_URL);
  const window = { webContents: contents, destroyed: false, isDestroyed: () => window.destroyed };
  const core = fakeCore();
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
  const dispose = registerIpcAdapter({
    ipcMain,
    core,
    isTrustedSender: createTrustedSenderCheck(() => [window]),
  });
  const handler = ipcMain.handle.mock.calls[0]?.[1] as InvokeHandler;
  const fromMainFrame = (): IpcInvokeEvent => ({ sender: contents, senderFrame: contents.mainFrame });
  const call = (method: unknown, input: unknown, event: IpcInvokeEvent = fromMainFrame()) =>
    handler(event, method, input);
  return { contents, window, core, ipcMain, dispose, call };
}

describe('registerIpcAdapter', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('handles the contract invoke channel', () => {
    expect(t.ipcMain.handle).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, expect.any(Function));
  });

  it('passes a valid call to the core with the window client id', async () => {
    const result = await t.call('connections.delete', { id: 'c1' });
    expect(result).toEqual({ ok: true, result: { from: 'core' } });
    expect(t.core.dispatch).toHaveBeenCalledWith('connections.delete', { id: 'c1' }, 'window:7');
  });

  it('refuses a call from a sub-frame of the window, without reaching the core', async () => {
    const iframe = { url: APP_ENTRY_URL, processId: t.contents.mainFrame.processId, routingId: 99 };
    const result = await t.call('app.info', {}, { sender: t.contents, senderFrame: iframe });
    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(t.core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from another web contents, a missing frame, or a foreign page', async () => {
    const other = new FakeWebContents(8, APP_ENTRY_URL);
    const foreignPage = { ...t.contents.mainFrame, url: 'https://evil.example/' };
    for (const event of [
      { sender: other, senderFrame: other.mainFrame },
      { sender: t.contents, senderFrame: null },
      { sender: t.contents, senderFrame: foreignPage },
    ]) {
      expect(await t.call('app.info', {}, event)).toMatchObject({
        ok: false,
        error: { code: 'PERMISSION_DENIED' },
      });
    }
    t.window.destroyed = true;
    expect(await t.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(t.core.dispatch).not.toHaveBeenCalled();
  });

  it("hands a call from the trusted window to the core as it came: validation is the core dispatcher's", async () => {
    const cases: Array<[unknown, unknown]> = [
      ['fs.readFile', {}],
      ['connections.delete', { id: '' }],
      [42, null],
    ];
    for (const [method, input] of cases) await t.call(method, input);
    expect(t.core.dispatch.mock.calls).toEqual([
      ['fs.readFile', {}, 'window:7'],
      ['connections.delete', { id: '' }, 'window:7'],
      ['42', null, 'window:7'],
    ]);
  });

  it('turns a core that throws into an INTERNAL failure', async () => {
    t.core.dispatch.mockRejectedValueOnce(new Error('boom'));
    expect(await t.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('forwards core events to a window that uses the core, while it exists', async () => {
    await t.call('app.info', {});
    t.core.emit('audit.appended', { seq: 1, connectionName: 'dev', path: '/a' });
    expect(t.contents.sent).toEqual([
      [IPC_EVENT_CHANNEL, 'audit.appended', { seq: 1, connectionName: 'dev', path: '/a' }],
    ]);
    t.contents.destroy();
    t.core.emit('audit.appended', { seq: 2, connectionName: 'dev', path: '/b' });
    expect(t.contents.sent).toHaveLength(1);
  });

  it('sends no events to a window whose page is no longer the app', async () => {
    await t.call('app.info', {});
    t.contents.mainFrame.url = 'https://evil.example/';
    t.core.emit('audit.appended', { seq: 1, connectionName: 'dev', path: '/a' });
    expect(t.contents.sent).toEqual([]);
  });

  it("releases the window's watches when its web contents is destroyed or its page reloads", async () => {
    await t.call('app.info', {});
    await t.call('app.info', {});
    t.contents.emit('did-navigate');
    expect(t.core.releaseClient).toHaveBeenCalledWith('window:7');
    t.core.releaseClient.mockClear();
    t.contents.destroy();
    expect(t.core.releaseClient).toHaveBeenCalledTimes(1);
    expect(t.core.releaseClient).toHaveBeenCalledWith('window:7');
  });

  it('undoes everything when disposed', async () => {
    await t.call('app.info', {});
    t.dispose();
    expect(t.ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL);
    expect(t.core.listenerCount()).toBe(0);
    t.contents.destroy();
    expect(t.core.releaseClient).not.toHaveBeenCalled();
  });
});
