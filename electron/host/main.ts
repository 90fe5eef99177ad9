import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { createCore } from '../core/core.js';
import { resolveDataDir } from '../core/storage/data-dir.js';
import { appVersion, findAppRoot } from './app-root.js';
import { importConnectionsFile } from './connections.file.js';
import { parseHostArgs } from './host.args.js';
import { openInBrowser } from './open-browser.js';
import { startWebHost } from './web.host.js';

/** Browser mode: `npm run web -- [--port N] [--connections FILE] [--no-open]`. */
async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const root = findAppRoot(import.meta.url);
  // Secrets in browser mode are kept with the engine's default cipher, a user-only key file.
  const core = await createCore({
    dataDir: resolveDataDir(),
    transport: 'browser',
    version: appVersion(root),
  });
  if (args.connectionsFile !== null) await importConnectionsFile(core, args.connectionsFile);
  const host = await startWebHost(core, join(root, 'dist', 'renderer'), args.port);
  process.stdout.write(`ConfigDeck is running at ${host.url}\n`);
  if (args.open) openInBrowser(host.url);

  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? error.message
      : error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
        ? 'That port is already in use: pick another with --port N (or --port 0 for any free port).'
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`configdeck web: ${message}\n`);
  process.exit(2);
});
