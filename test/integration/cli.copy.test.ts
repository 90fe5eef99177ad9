import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { ProfileStore } from '../../electron/core/connections/profile.store.js';
import { dataPaths } from '../../electron/core/storage/data-dir.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { testProfile } from '../servers/test-profile.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { runCli, type CliRun } from './support/cli-runner.js';
import { connectedZkClient } from './support/zk-client.js';

// `configdeck copy` as a user runs it, on a real ZooKeeper and a real etcd: the exit codes (0 copied, 1 some
// nodes not, 2 refused), --overwrite, --move, --yes for a prod target, --json.
describe('configdeck copy', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let home: string;
  let plain: ZkClient;
  const cli = (...args: string[]): Promise<CliRun> => runCli(home, ...args);
  const zkUrl = (path: string): string => `zk://${zk.connectString}${path}`;
  const etcdUrl = (path: string): string => `etcd://${etcd.endpoint}${path}`;
  const data = async (path: string): Promise<string | null> =>
    plain.getData(path).then(
      ({ data: bytes }) => bytes.toString('utf8'),
      () => null,
    );

  beforeAll(async () => {
    [zk, etcd, home] = await Promise.all([
      startZooKeeper(),
      startEtcd(),
      mkdtemp(join(tmpdir(), 'configdeck-cli-copy-')),
    ]);
    plain = await connectedZkClient(zk.connectString);
    const profiles = new ProfileStore(dataPaths(home).profiles);
    const saved = (name: string, overrides: object) => {
      const { password: _password, ...profile } = testProfile('zookeeper', [zk.connectString], {
        id: name,
        name,
        ...overrides,
      });
      return profile;
    };
    await profiles.put(saved('zk-prod', { environment: 'prod' }));
    await profiles.put(saved('zk-ro', { readOnly: true }));
    for (const [path, value] of Object.entries({ '/app': '', '/app/a': '1', '/app/b': '2', '/app/d': '' }))
      await plain.create(path, Buffer.from(value));
    await plain.create('/app/d/c', Buffer.from('3'));
    await plain.create('/app/live', Buffer.from('x'), { mode: 'ephemeral' });
  });

  afterAll(async () => {
    await plain?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('copies ZooKeeper to etcd with --json, the ephemeral node skipped: exit 0', async () => {
    const run = await cli('copy', zkUrl('/app'), etcdUrl('/copied'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      nodes: 3,
      ephemeral: { count: 1, paths: ['/live'] },
      report: { copied: 3, kept: 0, skipped: 1, failed: [], move: false },
    });
    const diff = await cli('diff', zkUrl('/app'), etcdUrl('/copied'));
    expect(diff.code, diff.stdout).toBe(0);
  });

  it('keeps existing keys unless --overwrite, and prints the counts', async () => {
    await plain.create('/kept', Buffer.from(''));
    await plain.create('/kept/a', Buffer.from('mine'));
    const kept = await cli('copy', zkUrl('/app'), zkUrl('/kept'));
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(/^2 copied, 0 overwritten, 1 kept, 1 skipped, 0 failed/m);
    expect(kept.stderr).toContain('ephemeral');
    expect(await data('/kept/a')).toBe('mine');
    const overwritten = await cli('copy', zkUrl('/app'), zkUrl('/kept'), '--overwrite');
    expect(overwritten.code).toBe(0);
    expect(overwritten.stdout).toMatch(/0 copied, 1 overwritten, 2 kept/);
    expect(await data('/kept/a')).toBe('1');
  });

  it('moves a subtree; exit 1 when a key stays in the source', async () => {
    await plain.create('/from', Buffer.from(''));
    await plain.create('/from/x', Buffer.from('x'));
    const moved = await cli('copy', zkUrl('/from'), zkUrl('/to'), '--move', '--json');
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ report: { move: true, copied: 1, deleted: 1 } });
    expect(await data('/to/x')).toBe('x');
    expect(await data('/from')).toBeNull();

    // The target already holds another value and it is kept: the source key is not deleted.
    await plain.create('/from2', Buffer.from(''));
    await plain.create('/from2/x', Buffer.from('new'));
    const partial = await cli('copy', zkUrl('/from2'), zkUrl('/to'), '--move');
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('not deleted /x');
    expect(await data('/from2/x')).toBe('new');
  });

  it('needs --yes for a prod target and refuses a read-only one: exit 2, nothing written', async () => {
    const unconfirmed = await cli('copy', zkUrl('/app'), '@zk-prod/prod-copy');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/"zk-prod" is a prod connection: .*add --yes/);
    expect(await data('/prod-copy')).toBeNull();
    const readOnly = await cli('copy', zkUrl('/app'), '@zk-ro/ro-copy', '--yes');
    expect(readOnly).toMatchObject({
      code: 2,
      stderr: 'configdeck copy: The connection "zk-ro" is read-only: nothing was written.\n',
    });
    const confirmed = await cli('copy', zkUrl('/app'), '@zk-prod/prod-copy', '--yes');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(await data('/prod-copy/d/c')).toBe('3');
    const audit = await cli('audit', '--json', '--connection', 'zk-prod', '--operation', 'copy');
    expect(JSON.parse(audit.stdout)).toMatchObject([{ outcome: 'refused', operation: 'copy' }]);
  });

  it('asks for a source and a target: exit 2', async () => {
    const run = await cli('copy', zkUrl('/app'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('configdeck copy <source> <target>');
  });
});
