// `configdeck connections list|export|import` as a user runs it (a child process over CONFIGDECK_HOME),
// against a real etcd with authentication: the sealed password travels to a fresh home and the CLI then reads
// the secured store with it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/model/connection.js';
import { createCore } from '../../electron/core/core.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { REPO_ROOT, type CliRun } from './support/cli-runner.js';

const PASSPHRASE = 'shared by the on-call team';
let etcd: EtcdServer;
let source: string;
const homes: string[] = [];

/** Runs `configdeck <args>` over `home` with extra environment variables and, optionally, text on stdin. */
function cli(home: string, args: string[], extra: { env?: Record<string, string>; stdin?: string } = {}) {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, CONFIGDECK_HOME: home, ...extra.env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(extra.stdin ?? '');
  });
}

async function newHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'configdeck-cli-connections-'));
  homes.push(home);
  return home;
}

const listed = async (home: string): Promise<ConnectionProfile[]> =>
  JSON.parse((await cli(home, ['connections', 'list', '--json'])).stdout) as ConnectionProfile[];

beforeAll(async () => {
  etcd = await startEtcd({ auth: { rootPassword: 'etcd-root-pw' } });
  source = await newHome();
  // The profiles are saved as the app saves them (through the contract), the key seeded with them.
  const core = await createCore({ dataDir: source, transport: 'browser', version: 'test' });
  const save = async (input: unknown): Promise<string> => {
    const saved = await core.dispatch('connections.save', input, 'test');
    if (!saved.ok) throw new Error(saved.error.message);
    return (saved.result as ConnectionProfile).id;
  };
  const team = await save({
    name: 'etcd-team',
    kind: 'etcd',
    endpoints: [etcd.endpoint],
    environment: 'prod',
    folder: 'payments',
    auth: { username: 'root', password: 'etcd-root-pw' },
  });
  await save({ name: 'etcd-ro', kind: 'etcd', endpoints: [etcd.endpoint], readOnly: true });
  const created = await core.dispatch(
    'node.create',
    {
      connectionId: team,
      path: '/app/mode',
      valueBase64: Buffer.from('blue').toString('base64'),
      confirmation: '/app/mode',
    },
    'test',
  );
  if (!created.ok) throw new Error(created.error.message);
  await core.close();
});

afterAll(async () => {
  await etcd?.stop();
  await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
});

describe('configdeck connections', () => {
  it('lists the saved profiles, as lines and as JSON without any secret', async () => {
    const lines = await cli(source, ['connections', 'list']);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toBe(
      `etcd-team  etcd  prod  read-write  payments  ${etcd.endpoint}\netcd-ro  etcd  dev  read-only  -  ${etcd.endpoint}\n`,
    );
    const json = await cli(source, ['connections', 'list', '--json']);
    expect(json.stdout).not.toContain('etcd-root-pw');
    const profiles = JSON.parse(json.stdout) as ConnectionProfile[];
    expect(profiles.map((p) => [p.name, p.auth])).toEqual([
      ['etcd-team', { username: 'root', hasPassword: true }],
      ['etcd-ro', null],
    ]);
  });

  it('exports without secrets unless a passphrase comes from the environment or stdin', async () => {
    const plain = await cli(source, ['connections', 'export']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('etcd-root-pw');
    expect(plain.stdout).not.toContain('sealedPassword');
    expect((JSON.parse(plain.stdout) as unknown[]).length).toBe(2);

    const file = join(await newHome(), 'team.json');
    const sealed = await cli(
      source,
      ['connections', 'export', '--file', file, '--passphrase-env', 'PP', '--json'],
      {
        env: { PP: PASSPHRASE },
      },
    );
    expect(sealed.code).toBe(0);
    expect(JSON.parse(sealed.stdout)).toEqual({ file, profiles: 2, secrets: 1 });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('scrypt-aes-256-gcm');
    expect(text).not.toContain('etcd-root-pw');

    const piped = await cli(source, ['connections', 'export', '--name', 'etcd-team', '--passphrase-stdin'], {
      stdin: `${PASSPHRASE}\n`,
    });
    const entries = JSON.parse(piped.stdout) as Array<{ name: string; auth: { sealedPassword?: unknown } }>;
    expect(entries.map((entry) => entry.name)).toEqual(['etcd-team']);
    expect(entries[0]?.auth.sealedPassword).toBeDefined();
  });

  it('never takes the passphrase as a flag value', async () => {
    const run = await cli(source, ['connections', 'export', '--passphrase', PASSPHRASE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option --passphrase');
  });

  it('imports into a fresh home: a preview, a wrong passphrase refused, then the secured store is read', async () => {
    const file = join(await newHome(), 'team.json');
    await cli(source, ['connections', 'export', '--file', file, '--passphrase-env', 'PP'], {
      env: { PP: PASSPHRASE },
    });
    const target = await newHome();

    const preview = await cli(
      target,
      ['connections', 'import', '--file', file, '--dry-run', '--passphrase-env', 'PP'],
      {
        env: { PP: PASSPHRASE },
      },
    );
    expect(preview.code).toBe(0);
    expect(preview.stdout).toBe('added      etcd-team\nadded      etcd-ro\n');
    expect(preview.stderr).toBe('2 added, 0 updated, 0 unchanged (dry run: nothing imported).\n');
    expect(await listed(target)).toEqual([]);

    const wrong = await cli(target, ['connections', 'import', '--file', file, '--passphrase-stdin'], {
      stdin: 'not the passphrase\n',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'configdeck connections: The passphrase is wrong or the file was changed since it was exported.\n',
    );
    expect(await listed(target)).toEqual([]);

    const applied = await cli(
      target,
      ['connections', 'import', '--file', file, '--passphrase-stdin', '--json'],
      {
        stdin: `${PASSPHRASE}\n`,
      },
    );
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toEqual({
      added: ['etcd-team', 'etcd-ro'],
      updated: [],
      unchanged: [],
      secrets: 1,
      applied: true,
    });
    const profiles = await listed(target);
    expect(profiles.find((p) => p.name === 'etcd-team')).toMatchObject({
      environment: 'prod',
      folder: 'payments',
      auth: { username: 'root', hasPassword: true },
    });
    expect(profiles.find((p) => p.name === 'etcd-ro')?.readOnly).toBe(true);

    // The restored password opens the secured etcd: the key below /app is exported from it.
    const read = await cli(target, ['export', '@etcd-team/app', '-o', '-']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('blue');

    const again = await cli(target, ['connections', 'import', '--file', file, '--passphrase-env', 'PP'], {
      env: { PP: PASSPHRASE },
    });
    expect(again.stdout).toBe('unchanged  etcd-team\nunchanged  etcd-ro\n');
  });
});
