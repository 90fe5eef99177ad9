// Starts the desktop app with the Electron binary from node_modules (run by `npm start` after the build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOT_INSTALLED =
  'The Electron binary is not installed (its download is not possible from this machine), so the desktop ' +
  'window cannot open: run `npm run web` to use the same console in your browser, or run ' +
  '`node node_modules/electron/install.js` where the download is allowed.';

/** The electron package exports the binary's path, and throws when its postinstall download never ran. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary === null) {
  process.stderr.write(`${NOT_INSTALLED}\n`);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE in the caller's environment would make the binary a plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: appDir });

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  process.stderr.write(`Electron could not be started: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
