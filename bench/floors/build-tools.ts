// The native `zookeeper` npm package has no Linux prebuild: its install runs the bundled ZooKeeper C client's
// `./configure && make` and then node-gyp, which needs python3, make, a C compiler and a C++ compiler.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each command the build runs, with the Debian package that brings it. */
const TOOLS: ReadonlyArray<{ command: string; debianPackage: string }> = [
  { command: 'python3', debianPackage: 'python3' },
  { command: 'make', debianPackage: 'make' },
  { command: 'cc', debianPackage: 'gcc' },
  { command: 'g++', debianPackage: 'g++' },
];

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function aptInstall(packages: string[]): boolean {
  const run = (args: string[]): boolean =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  const install = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
  // A fresh machine's package lists may be empty or stale: refresh them once only if the first try fails.
  return run(install) || (run(['update', '-qq']) && run(install));
}

/**
 * Makes sure the native build can run: as root with apt-get, installs what is missing (Debian packages);
 * otherwise throws one sentence naming what to install.
 */
export function ensureBuildTools(): void {
  const missing = TOOLS.filter((tool) => !onPath(tool.command)).map((tool) => tool.debianPackage);
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (canInstall) {
    process.stderr.write(`bench: installing ${missing.join(' ')} to build the native zookeeper floor\n`);
    if (aptInstall(missing) && TOOLS.every((tool) => onPath(tool.command))) return;
  }
  throw new Error(
    `The native zookeeper floor is compiled on install and needs ${missing.join(', ')}: ` +
      `install them (Debian: apt-get install -y ${missing.join(' ')}) and run the bench again.`,
  );
}
