import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'start-electron.mjs');

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment without anything that would point the electron package at a binary. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return env;
}

describe('scripts/start-electron.mjs', () => {
  let fakeDist: string;
  beforeAll(async () => {
    fakeDist = await mkdtemp(join(tmpdir(), 'configdeck-electron-'));
    // Stands in for the Electron binary: records its arguments and working directory, exits 7.
    const binary = join(fakeDist, 'electron');
    await writeFile(
      binary,
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(fakeDist, 'args.txt')}"\npwd > "${join(fakeDist, 'cwd.txt')}"\necho "run-as-node=$ELECTRON_RUN_AS_NODE"\nexit 7\n`,
    );
    await chmod(binary, 0o755);
  });
  afterAll(async () => {
    await rm(fakeDist, { recursive: true, force: true });
  });

  it.skipIf(process.platform === 'win32')(
    'says in one sentence why the window cannot open, and exits 1, when Electron is not installed',
    async () => {
      const { code, stderr, stdout } = await run(cleanEnv());
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('The Electron binary is not installed');
      expect(stderr).toContain('npm run web');
      expect(stderr).toContain('node node_modules/electron/install.js');
    },
  );

  it.skipIf(process.platform === 'win32')(
    'starts the binary on the app directory and passes its exit code on',
    async () => {
      const { code, stdout } = await run({
        ...cleanEnv(),
        ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
        ELECTRON_RUN_AS_NODE: '1',
      });
      expect(code).toBe(7);
      expect(stdout.trim()).toBe('run-as-node=');
      const args = (await readFile(join(fakeDist, 'args.txt'), 'utf8')).trim().split('\n');
      expect(args).toEqual([REPO.replace(/[\\/]$/, '')]);
      expect((await readFile(join(fakeDist, 'cwd.txt'), 'utf8')).trim()).toBe(REPO.replace(/[\\/]$/, ''));
    },
  );
});
