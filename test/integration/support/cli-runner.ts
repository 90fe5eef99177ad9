// Runs the configdeck CLI as a user would (`npm run --silent cli -- …` runs the same file through tsx).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `configdeck <args>` with CONFIGDECK_HOME set to `home`; resolves when it exits. */
export function runCli(home: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, CONFIGDECK_HOME: home } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
