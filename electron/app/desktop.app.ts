import { join } from 'node:path';
import { app, dialog, ipcMain, nativeTheme, protocol, safeStorage, session } from 'electron';
import type { Core, CoreOptions } from '../core/core.types.js';
import { showAboutDialog } from './about.dialog.js';
import { registerAppScheme } from './app-scheme.js';
import { installContentSecurityPolicy } from './csp.js';
import { registerIpcAdapter } from './ipc.adapter.js';
import { installApplicationMenu } from './menu.js';
import { denyEmbeddedContent } from './navigation.guard.js';
import { installPermissionPolicy } from './permissions.policy.js';
import { closeBeforeQuit } from './quit.guard.js';
import { serveRendererFiles } from './renderer-files.protocol.js';
import { createSafeStorageCipher } from './safe-storage.cipher.js';
import { createTrustedSenderCheck } from './trusted-sender.js';
import { trackAppWindows } from './app-windows.js';
import { createMainWindow } from './window.js';
import { windowBackground } from './window-background.js';
import { followThemeChoice } from './window-theme.js';

export interface DesktopAppDeps {
  createCore: (options: CoreOptions) => Promise<Core>;
  resolveDataDir: (env: NodeJS.ProcessEnv) => string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Absolute path of the built preload (preload.cjs beside the built main.js). */
  preloadPath: string;
  /** The built renderer (default: dist/renderer under the app directory). */
  rendererDir?: string;
}

const APP_NAME = 'ConfigDeck';

async function openCore(deps: DesktopAppDeps): Promise<{ core: Core; dataDir: string }> {
  // The core creates the directory (user-only) when it is missing.
  const dataDir = deps.resolveDataDir(deps.env);
  const core = await deps.createCore({
    dataDir,
    cipher: createSafeStorageCipher(safeStorage, deps.platform),
    transport: 'electron',
    // Electron reads this from the app's package.json.
    version: app.getVersion(),
  });
  return { core, dataDir };
}

/**
 * Runs the desktop app: one instance only; once Electron is ready it opens the core over the data directory,
 * serves the renderer on app://, installs the CSP, permission policy, IPC adapter and menu, opens the window
 * (File › New Window opens more, all on the one core), and closes the core before the process exits.
 */
export async function startDesktopApp(deps: DesktopAppDeps): Promise<void> {
  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) {
    // Another ConfigDeck owns the data directory; it gets focused through 'second-instance'.
    app.quit();
    return;
  }
  const windows = trackAppWindows(() =>
    createMainWindow({
      preloadPath: deps.preloadPath,
      backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    }),
  );
  app.on('second-instance', () => {
    const window = windows.latest();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => denyEmbeddedContent(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows until the user quits them.
    if (deps.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  let opened: { core: Core; dataDir: string };
  try {
    opened = await openCore(deps);
  } catch (error) {
    dialog.showErrorBox(
      `${APP_NAME} could not start`,
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  const { core, dataDir } = opened;

  const ses = session.defaultSession;
  serveRendererFiles(ses.protocol, deps.rendererDir ?? join(app.getAppPath(), 'dist', 'renderer'));
  installContentSecurityPolicy(ses);
  installPermissionPolicy(ses);
  const isTrustedSender = createTrustedSenderCheck(() => windows.all());
  const stopIpc = registerIpcAdapter({ ipcMain, core, isTrustedSender });
  const stopTheme = followThemeChoice({
    ipcMain,
    nativeTheme,
    windows: () => windows.all(),
    isTrustedSender,
  });
  installApplicationMenu({
    appName: APP_NAME,
    isMac: deps.platform === 'darwin',
    isPackaged: app.isPackaged,
    onAbout: () => {
      void showAboutDialog(
        dialog,
        { appName: APP_NAME, version: app.getVersion(), dataDir },
        windows.latest(),
      );
    },
    onNewWindow: () => void windows.open(),
  });

  windows.open();
  app.on('activate', () => {
    if (windows.latest() === null) windows.open();
  });
  closeBeforeQuit(app, async () => {
    stopIpc();
    stopTheme();
    await core.close();
  });
}
