import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Servers built from source (ZooKeeper and etcd come from Debian packages). */
export type BuiltServer = 'consul' | 'rnacos';

const BUILD_SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'servers');

/** The pinned release, read from scripts/servers/versions.env (the build scripts source the same file). */
export function pinnedVersion(server: BuiltServer): string {
  const name = server === 'consul' ? 'CONSUL_VERSION' : 'RNACOS_VERSION';
  const match = new RegExp(`^${name}=(\\S+)$`, 'm').exec(
    readFileSync(join(BUILD_SCRIPTS, 'versions.env'), 'utf8'),
  );
  if (match === null) throw new Error(`scripts/servers/versions.env does not set ${name}.`);
  return match[1] as string;
}

/** Where built servers are cached: `$CONFIGDECK_SERVERS_CACHE` or `~/.cache/configdeck/servers`. */
export function serversCacheDir(): string {
  return process.env.CONFIGDECK_SERVERS_CACHE || join(homedir(), '.cache', 'configdeck', 'servers');
}

/** The cached binary's path (it may not exist yet). */
export function builtServerPath(server: BuiltServer): string {
  return server === 'consul'
    ? join(serversCacheDir(), `consul-${pinnedVersion('consul')}`, 'consul')
    : join(serversCacheDir(), `rnacos-${pinnedVersion('rnacos')}`, 'bin', 'rnacos');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The cached binary's path; throws one sentence naming `npm run test:setup` when it was not built. */
export function requireBuiltServer(server: BuiltServer): string {
  const path = builtServerPath(server);
  if (!executable(path)) {
    throw new Error(`${server} is not built at ${path}: run \`npm run test:setup\` (builds and caches it).`);
  }
  return path;
}

/**
 * Builds the server with its script when the cache lacks it (minutes on a cold machine) and returns its path.
 * The script's progress goes to stderr so that stdout stays for the caller's own output.
 */
export function ensureBuiltServer(server: BuiltServer): string {
  const path = builtServerPath(server);
  if (executable(path)) return path;
  execFileSync('bash', [join(BUILD_SCRIPTS, `build-${server}.sh`)], {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, CONFIGDECK_SERVERS_CACHE: serversCacheDir() },
  });
  return requireBuiltServer(server);
}
