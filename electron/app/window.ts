import { BrowserWindow, shell } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-scheme.js';
import { guardNavigation } from './navigation.guard.js';

/** The renderer gets no Node, runs sandboxed and isolated, and reaches the main side only via the preload. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: preloadPath,
  };
}

export interface MainWindowOptions {
  /** Absolute path of the built preload (dist/node/electron/app/preload.cjs). */
  preloadPath: string;
  /** Painted before the page's first paint (the theme's page background). */
  backgroundColor: string;
}

/** Opens the console window on app://configdeck/index.html, shown once its first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'ConfigDeck',
    // Hidden until ready-to-show so the user never sees a blank white frame.
    show: false,
    backgroundColor: options.backgroundColor,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  guardNavigation(window.webContents, shell);
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`The console page could not be loaded: ${String(error)}`);
  });
  return window;
}
