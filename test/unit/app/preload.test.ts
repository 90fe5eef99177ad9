import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_THEME_CHANNEL,
  type ConfigDeckBridge,
} from '../../../shared/contract/wire.js';
import { electronFake, type ElectronFake } from './fakes/electron.fake.js';

vi.mock('electron', async () => (await import('./fakes/electron.fake.js')).createElectronFake());

const PRELOAD_SOURCE = fileURLToPath(new URL('../../../electron/app/preload.cts', import.meta.url));

interface LoadedPreload {
  exports: Record<string, unknown>;
  required: string[];
}

/**
 * Compiles preload.cts to CommonJS (as tsc does for a .cts under NodeNext) and runs it the way Electron's
 * sandbox does: a fresh context whose `require` offers nothing but 'electron'. (Vite does not transform
 * .cts files, and this is closer to the real thing than importing the source anyway.)
 */
async function loadPreload(electron: unknown): Promise<LoadedPreload> {
  const source = await readFile(PRELOAD_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(outputText, {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    },
  });
  return { exports: module.exports, required };
}

describe('preload (under the electron stub)', () => {
  let electron: ElectronFake;
  let bridge: ConfigDeckBridge;
  let channels: {
    PRELOAD_INVOKE_CHANNEL: string;
    PRELOAD_EVENT_CHANNEL: string;
    PRELOAD_THEME_CHANNEL: string;
  };

  beforeAll(async () => {
    electron = await electronFake();
    const loaded = await loadPreload(electron);
    expect(loaded.required).toEqual(['electron']);
    channels = loaded.exports as typeof channels;
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(name).toBe('configdeck');
    bridge = exposed as ConfigDeckBridge;
  });

  it('keeps its copies of the channel names equal to the contract', () => {
    expect(channels.PRELOAD_INVOKE_CHANNEL).toBe(IPC_INVOKE_CHANNEL);
    expect(channels.PRELOAD_EVENT_CHANNEL).toBe(IPC_EVENT_CHANNEL);
    expect(channels.PRELOAD_THEME_CHANNEL).toBe(IPC_THEME_CHANNEL);
  });

  it('sends the chosen theme one way on the theme channel', () => {
    bridge.setTheme('light');
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith(IPC_THEME_CHANNEL, 'light');
  });

  it("exposes exactly invoke, setTheme and subscribe under 'configdeck', once", () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'setTheme', 'subscribe']);
  });

  it('invokes the contract channel with the method and input', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { version: '1' } });
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, result: { version: '1' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_INVOKE_CHANNEL, 'app.info', {});
  });

  it('turns a broken channel into a typed failure instead of a rejection', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    const result = await bridge.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('hands the page the event name and payload only, never the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe(listener);
    const rawEvent = { sender: electron.ipcRenderer, ports: [] };
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, rawEvent, 'node.changed', { path: '/a' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('node.changed', { path: '/a' });
    expect(listener.mock.calls[0]).toHaveLength(2);
    unsubscribe();
  });

  it('removes its IPC listener when the page unsubscribes', () => {
    const listener = vi.fn();
    const before = electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL);
    const unsubscribe = bridge.subscribe(listener);
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before + 1);
    const added = electron.ipcRenderer.listeners(IPC_EVENT_CHANNEL).at(-1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, added);
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before);
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'node.changed', {});
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('preload as a sandboxed CommonJS script', () => {
  it('requires nothing but electron and exposes nothing but the bridge', async () => {
    const exposed: Record<string, unknown> = {};
    const minimalElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async () => ({ ok: true, result: 1 }),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const { required } = await loadPreload(minimalElectron);
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['configdeck']);
    expect(Object.keys(exposed.configdeck as object).sort()).toEqual(['invoke', 'setTheme', 'subscribe']);
  });
});
