import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface WebApp {
  url: string;
  port: number;
  dataDir: string;
  /** The host process (the main process of browser mode): the bench reads its memory. */
  pid: number;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Starts `npm run web` (through scripts/web.mjs) with its own data dir and the given profiles. */
export async function startWebApp(connections: readonly object[]): Promise<WebApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-e2e-'));
  const file = join(dataDir, 'connections.json');
  await writeFile(file, JSON.stringify(connections));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'web.mjs'), '--port', '0', '--no-open', '--connections', file],
    { cwd: ROOT, env: { ...process.env, CONFIGDECK_HOME: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run web printed no URL within 120 s.\n${stderr}`)),
      120_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}.\n${stderr}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    dataDir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
