import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Perm, type ZkAcl, type ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { startCoreClient, text, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';

// A rename (move) within one ZooKeeper connection is one multi where it fits, on a real ZooKeeper: all nodes
// created with their data and ACL and the old ones deleted at once; a change made by a second client after
// the plan fails the whole multi (CONFLICT, nothing half-done); what does not fit falls back to
// copy-verify-delete, and the plan and the report say which.
describe('rename within one ZooKeeper connection in one transaction', () => {
  let zk: ZooKeeperServer;
  let client: CoreClient;
  let plain: ZkClient;
  let zkId = '';
  /** Anyone, but without ADMIN: an ACL a copy with the open ACL would lose. */
  const NO_ADMIN: ZkAcl[] = [
    { perms: Perm.read | Perm.write | Perm.create | Perm.delete, id: { scheme: 'world', id: 'anyone' } },
  ];

  const seed = async (entries: Record<string, string>): Promise<void> => {
    for (const [path, value] of Object.entries(entries)) await plain.create(path, Buffer.from(value));
  };
  const valueOf = async (path: string): Promise<string | null> =>
    client.call('node.get', { connectionId: zkId, path }).then(
      (node) => text(node.valueBase64),
      () => null,
    );
  const plan = (source: string, target: string) =>
    client.call('copy.plan', {
      source: { connectionId: zkId, path: source },
      target: { connectionId: zkId, path: target },
    });
  const moved = async (planId: string) => {
    const { jobId } = await client.call('copy.apply', { planId, move: true });
    for (;;) {
      const result = await client.call('copy.result', { jobId });
      if (result.state !== 'running') {
        expect(result.state).toBe('done');
        return result.report!;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    [zk, client] = await Promise.all([startZooKeeper(), startCoreClient()]);
    plain = await connectedZkClient(zk.connectString);
    zkId = (
      await client.call('connections.save', { name: 'zk', kind: 'zookeeper', endpoints: [zk.connectString] })
    ).id;
  });

  afterAll(async () => {
    await plain?.close();
    await client?.close();
    await zk?.stop();
  });

  it('renames a subtree in one multi: values, empty parents and ACLs carried, every write audited under one id', async () => {
    await seed({
      '/svc': '',
      '/svc/cfg': 'root',
      '/svc/cfg/a': '1',
      '/svc/cfg/dir': '',
      '/svc/cfg/dir/b': '2',
    });
    await plain.setACL('/svc/cfg/a', NO_ADMIN);
    const planned = await plan('/svc/cfg', '/svc/cfg2');
    expect(planned.atomicMove).toEqual({ fits: true, note: expect.stringContaining('8 operations') });
    const report = await moved(planned.planId);
    expect(report).toMatchObject({
      move: true,
      method: 'transaction',
      copied: 4,
      deleted: 4,
      failed: [],
      notDeleted: [],
      stoppedBy: null,
    });
    expect(await valueOf('/svc/cfg2')).toBe('root');
    expect(await valueOf('/svc/cfg2/a')).toBe('1');
    expect(await valueOf('/svc/cfg2/dir/b')).toBe('2');
    expect(await plain.exists('/svc/cfg2/dir')).not.toBeNull();
    expect(await plain.exists('/svc/cfg')).toBeNull();
    expect((await plain.getACL('/svc/cfg2/a')).acl).toEqual(NO_ADMIN);
    const { entries } = await client.call('audit.list', { syncId: report.operationId, limit: 100 });
    expect(entries.map((e) => `${e.operation} ${e.path} ${e.outcome}`).sort()).toEqual([
      'create /svc/cfg2 ok',
      'create /svc/cfg2/a ok',
      'create /svc/cfg2/dir ok',
      'create /svc/cfg2/dir/b ok',
      'delete /svc/cfg ok',
      'delete /svc/cfg/a ok',
      'delete /svc/cfg/dir ok',
      'delete /svc/cfg/dir/b ok',
    ]);
    expect(entries.every((e) => e.details?.['transaction'] === true)).toBe(true);
  });

  it('fails the whole multi as a CONFLICT when a node changed after the plan: nothing created, nothing deleted', async () => {
    await seed({ '/job': 'j', '/job/x': 'x', '/job/y': 'y' });
    const planned = await plan('/job', '/job-renamed');
    expect(planned.atomicMove?.fits).toBe(true);
    // Same bytes, new version: a move must not delete what it did not see.
    await plain.setData('/job/y', Buffer.from('y'));
    const report = await moved(planned.planId);
    expect(report).toMatchObject({
      method: 'transaction',
      copied: 0,
      deleted: 0,
      stoppedBy: { code: 'CONFLICT' },
    });
    expect(report.failed.map((f) => f.code)).toEqual(['CONFLICT']);
    expect(await plain.exists('/job-renamed')).toBeNull();
    expect(await valueOf('/job/x')).toBe('x');
    expect(await valueOf('/job/y')).toBe('y');
    const { entries } = await client.call('audit.list', { syncId: report.operationId, limit: 100 });
    expect(entries.length).toBe(6);
    expect(new Set(entries.map((e) => e.outcome))).toEqual(new Set(['conflict']));
  });

  it('fails the multi when a child appeared below the source after the plan', async () => {
    await seed({ '/grow': 'g', '/grow/a': 'a' });
    const planned = await plan('/grow', '/grown');
    await plain.create('/grow/late', Buffer.from('late'));
    const report = await moved(planned.planId);
    expect(report.stoppedBy?.code).toBe('CONFLICT');
    expect(await plain.exists('/grown')).toBeNull();
    expect(await valueOf('/grow/late')).toBe('late');
  });

  it('falls back to copy-verify-delete where one multi does not fit (an ephemeral node), and says why', async () => {
    await seed({ '/live': 'l', '/live/k': 'k' });
    await plain.create('/live/session', Buffer.from('s'), { mode: 'ephemeral' });
    const planned = await plan('/live', '/live2');
    expect(planned.atomicMove).toEqual({ fits: false, note: expect.stringContaining('ephemeral') });
    const report = await moved(planned.planId);
    expect(report.method).toBe('copy-verify-delete');
    expect(report.methodNote).toContain('/live/session');
    expect(report).toMatchObject({ copied: 2, deleted: 1, skipped: 1 });
    expect(await valueOf('/live2/k')).toBe('k');
    expect(await valueOf('/live/k')).toBeNull();
    // The ephemeral node stays, and with it its parent.
    expect(await valueOf('/live/session')).toBe('s');
  });

  it('falls back node by node when ZooKeeper refuses the multi itself (a parent ACL without CREATE)', async () => {
    const noCreate: ZkAcl[] = [
      { perms: Perm.read | Perm.write | Perm.delete | Perm.admin, id: { scheme: 'world', id: 'anyone' } },
    ];
    await seed({ '/locked': 'p', '/locked/c': 'c' });
    await plain.setACL('/locked', noCreate);
    const planned = await plan('/locked', '/unlocked');
    expect(planned.atomicMove?.fits).toBe(true);
    const report = await moved(planned.planId);
    expect(report).toMatchObject({
      method: 'copy-verify-delete',
      copied: 2,
      aclsSet: 1,
      deleted: 2,
      failed: [],
    });
    expect(report.methodNote).toContain('refused the one transaction');
    expect(await valueOf('/unlocked/c')).toBe('c');
    expect((await plain.getACL('/unlocked')).acl).toEqual(noCreate);
    expect(await plain.exists('/locked')).toBeNull();
  });

  it('falls back when the subtree has more nodes than one multi holds (500 nodes, 1000 ops)', async () => {
    await plain.create('/many', Buffer.from(''));
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => plain.create(`/many/k${i}`, Buffer.from(`v${i}`))),
    );
    const planned = await plan('/many', '/many2');
    expect(planned.atomicMove).toEqual({ fits: false, note: expect.stringContaining('500') });
  });
});
