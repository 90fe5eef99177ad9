// `npm run web -- [--port N] [--connections FILE] [--no-open]`: builds when the sources are newer than the
// last build, then starts the loopback host (which prints the URL with its session token).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const sources = ['shared', 'electron', 'renderer', 'package.json', 'vite.config.ts', 'tsconfig.node.json'];

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function needsBuild() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

if (needsBuild()) {
  process.stderr.write('Building ConfigDeck…\n');
  // Build output goes to stderr so stdout carries only the host's URL line.
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('configdeck web: the build failed (see above).\n');
    process.exit(2);
  }
  writeFileSync(stamp, new Date().toISOString());
}

await import(pathToFileURL(join(root, 'dist', 'node', 'electron', 'host', 'main.js')).href);
