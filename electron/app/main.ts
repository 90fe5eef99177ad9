/** Electron main-process entry (package.json "main"): wires the real core into the desktop shell. */
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { createCore } from '../core/core.js';
import { resolveDataDir } from '../core/storage/data-dir.js';
import { startDesktopApp } from './desktop.app.js';

startDesktopApp({
  createCore: (options) => createCore(options),
  resolveDataDir: (env) => resolveDataDir(env, process.platform),
  env: process.env,
  platform: process.platform,
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
}).catch((error: unknown) => {
  console.error(
    `ConfigDeck failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  app.exit(1);
});
