import { dataPaths } from '../../electron/core/storage/data-dir.js';
import { testProfile } from '../servers/test-profile.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/model/connection.js';
import { ProfileStore } from '../../electron/core/connections/profile.store.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { freePort } from '../servers/free-port.js';
import { REPO_ROOT, runCli, type CliRun } from './support/cli-runner.js';

const ROOT = REPO_ROOT;
const STAGING = join(ROOT, 'examples', 'staging.json');
const PROD = join(ROOT, 'examples', 'prod.json');

let etcdServer: EtcdServer;
let securedEtcd: EtcdServer;
let home: string;

const cli = (...args: string[]): Promise<CliRun> => runCli(home, ...args);

function profile(name: string, overrides: Partial<ConnectionProfile>): ConnectionProfile {
  const { password: _password, ...saved } = testProfile('etcd', [etcdServer.endpoint], {
    id: name,
    name,
    ...overrides,
  });
  return saved;
}

beforeAll(async () => {
  [etcdServer, securedEtcd, home] = await Promise.all([
    startEtcd(),
    startEtcd({ auth: { rootPassword: 'right' } }),
    mkdtemp(join(tmpdir(), 'configdeck-cli-')),
  ]);
  const profiles = new ProfileStore(dataPaths(home).profiles);
  await profiles.put(profile('etcd-prod', { environment: 'prod' }));
  await profiles.put(profile('etcd-ro', { readOnly: true }));
});

afterAll(async () => {
  await Promise.all([etcdServer?.stop(), securedEtcd?.stop()]);
  if (home) await rm(home, { recursive: true, force: true });
});

describe('configdeck CLI', () => {
  it('diffs the two example snapshots: exit 1, the JSON shape, same entries only with --all', async () => {
    const [run, all, same] = await Promise.all([
      cli('diff', `file:${STAGING}`, `file:${PROD}`, '--json'),
      cli(
        'diff',
        `file:${STAGING}`,
        `file:${PROD}`,
        '--json',
        '--all',
        '--normalize',
        'json',
        '--ignore',
        '/db/**',
      ),
      cli('diff', `file:${STAGING}`, `file:${STAGING}`),
    ]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['left', 'right', 'summary', 'entries']);
    expect(result).toEqual({
      left: `file:${STAGING}`,
      right: `file:${PROD}`,
      summary: { onlyLeft: 1, onlyRight: 1, changed: 5, same: 7 },
      entries: [
        { path: '/cdn/host', status: 'only-right' },
        { path: '/db/pool-size', status: 'changed' },
        { path: '/db/url', status: 'changed' },
        { path: '/debug/profiler-enabled', status: 'only-left' },
        { path: '/features.json', status: 'changed' },
        { path: '/logging/level', status: 'changed' },
        { path: '/ui/banner', status: 'changed' },
      ],
    });
    const allResult = JSON.parse(all.stdout) as { summary: object; entries: Array<{ status: string }> };
    expect(allResult.summary).toEqual({ onlyLeft: 1, onlyRight: 1, changed: 2, same: 8 });
    expect(allResult.entries).toHaveLength(12);
    expect(same).toEqual({
      code: 0,
      stdout: '0 only in left, 0 only in right, 0 changed, 13 same\n',
      stderr: '',
    });
  });

  it('gives one sentence on stderr and exit 2 for bad arguments, unreachable servers and refused logins', async () => {
    const port = await freePort();
    const bad = [
      ['diff', 'file:x.json'],
      ['diff', 'a', 'b', '--bogus'],
      ['diff', 'redis://h:1/x', 'file:y.json'],
      ['frobnicate'],
    ];
    const [refused, down, missing, ...runs] = await Promise.all([
      cli('diff', `etcd://root:wrong@${securedEtcd.endpoint}/app`, `file:${PROD}`),
      cli('diff', `zk://127.0.0.1:${port}/app`, `file:${PROD}`, '--timeout', '1500'),
      cli('diff', 'file:/nonexistent/snap.json', `file:${PROD}`),
      ...bad.map((args) => cli(...args)),
    ]);
    runs.forEach((run, index) => {
      expect(run.code, bad[index]!.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/^configdeck diff: [^\n]*(password|authentication)[^\n]*\.\n$/i);
    expect(missing.stderr).toBe(
      'configdeck diff: Cannot open the snapshot /nonexistent/snap.json: it does not exist.\n',
    );
    expect(down.code).toBe(2);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(
      new RegExp(
        `^configdeck diff: Cannot connect to ZooKeeper: 127\\.0\\.0\\.1:${port} refused the connection\\.\\n$`,
      ),
    );
  });

  it('imports a snapshot (dry run first), audits the writes with the sync id, exports it back', async () => {
    const target = `etcd://${etcdServer.endpoint}/shop`;
    const dry = await cli('import', STAGING, target, '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as { mode: string; summary: object; items: unknown[] };
    expect(plan).toMatchObject({ mode: 'dry-run', summary: { create: 13, update: 0, delete: 0 } });
    expect((await cli('diff', `file:${STAGING}`, target)).code).toBe(1);

    const applied = await cli('import', STAGING, target, '--apply', '--json');
    expect(applied.code).toBe(0);
    const report = JSON.parse(applied.stdout) as { syncId: string; summary: object };
    expect(report.summary).toEqual({ applied: 13, conflict: 0, failed: 0, skipped: 0 });
    expect((await cli('diff', `file:${STAGING}`, target)).code).toBe(0);

    const audit = await cli('audit', '--json', '--path', '/shop/');
    const entries = JSON.parse(audit.stdout) as Array<{ details: { syncId: string } }>;
    expect(entries).toHaveLength(13);
    expect(entries.every((e) => e.details.syncId === report.syncId)).toBe(true);

    const file = join(home, 'exported.json');
    const exported = await cli('export', target, '-o', file);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const keysOf = (text: string): string => text.slice(text.indexOf('"keys"'));
    expect(keysOf(await readFile(file, 'utf8'))).toBe(keysOf(await readFile(STAGING, 'utf8')));
  });

  it('syncs with --delete, refuses a read-only target, and needs --yes for a prod one', async () => {
    const sync = await cli(
      'sync',
      `file:${PROD}`,
      `etcd://${etcdServer.endpoint}/shop`,
      '--apply',
      '--delete',
    );
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^sync [0-9a-f-]{36}: 7 applied, 0 conflict, 0 failed, 0 skipped\n$/m);
    const [readOnly, unconfirmed] = await Promise.all([
      cli('sync', `file:${PROD}`, '@etcd-ro/shop-ro', '--apply'),
      cli('sync', `file:${PROD}`, '@etcd-prod/shop-prod', '--apply'),
    ]);
    expect(readOnly).toEqual({
      code: 2,
      stdout: '',
      stderr: 'configdeck sync: The connection "etcd-ro" is read-only: nothing was written.\n',
    });
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/"etcd-prod" is a prod connection: .*add --yes/);
    const confirmed = await cli('sync', `file:${PROD}`, '@etcd-prod/shop-prod', '--apply', '--yes');
    expect(confirmed.code).toBe(0);
    expect((await cli('diff', `file:${PROD}`, '@etcd-prod/shop-prod')).code).toBe(0);
  });

  it('verifies the audit log and names the first broken entry', async () => {
    const intact = await cli('audit', '--verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^The audit log is intact \(\d+ entries\)\.\n$/);
    const log = join(home, 'audit', 'audit.jsonl');
    const lines = (await readFile(log, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"outcome":"ok"', '"outcome":"failed"');
    await writeFile(log, lines.join('\n'));
    const broken = await cli('audit', '--verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      'The audit log is broken at entry 3 (audit.jsonl, line 3): hash mismatch: the entry was modified after it was written.\n',
    );
  });
});
