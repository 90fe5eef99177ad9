/**
 * The only bridge between the sandboxed page and the main process: `window.configdeck` with invoke,
 * subscribe and setTheme, nothing else. A sandboxed preload is CommonJS and may require only 'electron', so the channel
 * names are repeated here (a unit test keeps them equal to shared/contract/wire.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CallResult, ConfigDeckBridge } from '../../shared/contract/wire.js';

export const PRELOAD_INVOKE_CHANNEL = 'configdeck:invoke';
export const PRELOAD_EVENT_CHANNEL = 'configdeck:event';
export const PRELOAD_THEME_CHANNEL = 'configdeck:theme';

const bridge: ConfigDeckBridge = {
  invoke(method: string, input: unknown): Promise<CallResult> {
    // The contract says a call never throws: a broken channel also comes back as a typed failure.
    return (ipcRenderer.invoke(PRELOAD_INVOKE_CHANNEL, method, input) as Promise<CallResult>).catch(
      (error: unknown): CallResult => ({
        ok: false,
        error: { code: 'INTERNAL', message: `The call could not reach the main process: ${String(error)}` },
      }),
    );
  },
  subscribe(listener: (event: string, payload: unknown) => void): () => void {
    // The raw IpcRendererEvent (it carries `sender`, the ipcRenderer itself) never reaches the page.
    const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(PRELOAD_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(PRELOAD_EVENT_CHANNEL, onEvent);
    };
  },
  setTheme(theme) {
    ipcRenderer.send(PRELOAD_THEME_CHANNEL, theme);
  },
};

contextBridge.exposeInMainWorld('configdeck', bridge);
