// Floors are third-party clients the bench measures against. They are installed once into a cache folder outside
// the repo, so they are never dependencies of the app (nor of its lockfile, typecheck or CI), and loaded from there
// with createRequire. Later runs reuse the folder; a changed pin or Node ABI installs afresh.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A set of npm packages installed together into one cache folder. */
export interface FloorSet {
  /** The folder's name under the cache root. */
  name: string;
  /** Package name → exact version. */
  packages: Readonly<Record<string, string>>;
  /** Runs before npm install, e.g. to make sure a native build can run. */
  prepare?: () => void;
}

const MARKER = 'installed.json';
/** A cold install builds a C library and an addon: minutes on two shared cores, never an hour. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;

/** `$CONFIGDECK_BENCH_FLOORS_CACHE` or `~/.cache/configdeck/bench-floors`. */
export function floorsCacheRoot(): string {
  return process.env.CONFIGDECK_BENCH_FLOORS_CACHE || join(homedir(), '.cache', 'configdeck', 'bench-floors');
}

/** What an install is valid for: the pins, and the Node ABI and platform a native addon was built for. */
function markerText(set: FloorSet): string {
  const { modules, node } = process.versions;
  const marker = {
    packages: set.packages,
    abi: modules,
    node,
    platform: process.platform,
    arch: process.arch,
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

function installedAt(dir: string, set: FloorSet): boolean {
  try {
    return readFileSync(join(dir, MARKER), 'utf8') === markerText(set);
  } catch {
    return false;
  }
}

/** The folder's own package.json: private, and allowing the install scripts of exactly the pinned packages. */
function manifest(set: FloorSet): string {
  const allowScripts = Object.fromEntries(Object.entries(set.packages).map(([n, v]) => [`${n}@${v}`, true]));
  return `${JSON.stringify({ name: `configdeck-bench-floors-${set.name}`, private: true, allowScripts }, null, 2)}\n`;
}

/** node-gyp downloads Node's headers unless told where they are; use the ones installed beside this node. */
function nodeHeadersEnv(): NodeJS.ProcessEnv {
  const prefix = join(process.execPath, '..', '..');
  const local = existsSync(join(prefix, 'include', 'node', 'node.h'));
  return local && !process.env.npm_config_nodedir ? { npm_config_nodedir: prefix } : {};
}

function npmInstall(dir: string, set: FloorSet): void {
  const specs = Object.entries(set.packages).map(([name, version]) => `${name}@${version}`);
  const result = spawnSync(
    'npm',
    ['install', '--prefix', dir, '--save-exact', '--no-audit', '--no-fund', ...specs],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...nodeHeadersEnv() },
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const log = join(dir, 'install.log');
  writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.status !== 0) {
    const why = result.error?.message ?? `exit ${result.status ?? result.signal}`;
    throw new Error(
      `npm install of the ${set.name} bench floors (${specs.join(' ')}) failed (${why}): see ${log}`,
    );
  }
}

/** Loads each package in a separate node, so this process never holds an addon from the staging path. */
function checkLoads(dir: string, set: FloorSet): void {
  const script = Object.keys(set.packages)
    .map((name) => `require(${JSON.stringify(name)});`)
    .join('');
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`the ${set.name} bench floors installed in ${dir} do not load:\n${result.stderr}`);
  }
}

/** Installs the set once (into a staging folder, renamed into place when it loads) and returns its folder. */
export function ensureFloorSet(set: FloorSet): string {
  const dir = join(floorsCacheRoot(), set.name);
  if (installedAt(dir, set)) return dir;
  set.prepare?.();
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const specs = Object.entries(set.packages).map(([name, version]) => `${name} ${version}`);
  process.stderr.write(`bench: installing the ${set.name} floors (${specs.join(', ')}) into ${dir}, once\n`);
  try {
    writeFileSync(join(staging, 'package.json'), manifest(set));
    npmInstall(staging, set);
    checkLoads(staging, set);
    writeFileSync(join(staging, MARKER), markerText(set));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another bench run may have finished the same install first: its folder is as good as ours.
    if (installedAt(dir, set)) return dir;
    throw error;
  }
  return dir;
}

/** `require(name)` from the set's folder, installing the set first when needed. The caller types the result. */
export function requireFromFloorSet(set: FloorSet, name: string): unknown {
  if (!(name in set.packages)) throw new Error(`${name} is not one of the ${set.name} bench floors`);
  return createRequire(join(ensureFloorSet(set), 'package.json'))(name);
}
