import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Perm, type ZkAcl, type ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { startCoreClient, text, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';

// Copy and move of subtrees through the contract, on a real ZooKeeper and a real etcd: a copy is a sync of the
// subtree to another root (keys kept or overwritten), ephemeral nodes are left out with a note, a move deletes
// only what it verified at the target and what no second client changed, every write shares one id.
describe('copy and move of subtrees', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let client: CoreClient;
  let plain: ZkClient;
  const ids = { zk: '', etcd: '', prod: '', ro: '' };

  const seed = async (entries: Record<string, string>): Promise<void> => {
    for (const [path, value] of Object.entries(entries)) await plain.create(path, Buffer.from(value));
  };
  const valueOf = async (connectionId: string, path: string): Promise<string | null> =>
    client.call('node.get', { connectionId, path }).then(
      (node) => text(node.valueBase64),
      () => null,
    );
  /** Applies a plan and waits for the job's report. */
  const applied = async (planId: string, move = false, confirmation?: string) => {
    const { jobId } = await client.call('copy.apply', { planId, move, confirmation });
    for (;;) {
      const result = await client.call('copy.result', { jobId });
      if (result.state !== 'running') {
        expect(result.state).toBe('done');
        return result.report!;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const copy = async (
    source: string,
    target: string,
    options: { overwrite?: boolean; move?: boolean; targetId?: string; confirmation?: string } = {},
  ) => {
    const plan = await client.call('copy.plan', {
      source: { connectionId: ids.zk, path: source },
      target: { connectionId: options.targetId ?? ids.zk, path: target },
      overwrite: options.overwrite ?? false,
    });
    const report = await applied(plan.planId, options.move ?? false, options.confirmation);
    return { plan, report };
  };

  beforeAll(async () => {
    [zk, etcd, client] = await Promise.all([startZooKeeper(), startEtcd(), startCoreClient()]);
    plain = await connectedZkClient(zk.connectString);
    const save = async (name: string, kind: 'zookeeper' | 'etcd', endpoint: string, extra = {}) =>
      (await client.call('connections.save', { name, kind, endpoints: [endpoint], ...extra })).id;
    ids.zk = await save('zk', 'zookeeper', zk.connectString);
    ids.prod = await save('zk-prod', 'zookeeper', zk.connectString, { environment: 'prod' });
    ids.ro = await save('zk-ro', 'zookeeper', zk.connectString, { readOnly: true });
    ids.etcd = await save('etcd', 'etcd', etcd.endpoint);
    await seed({ '/src': 'root value', '/src/a': '1', '/src/b': '2', '/src/dir': '', '/src/dir/c': '3' });
    await plain.create('/src/eph', Buffer.from('session-bound'), { mode: 'ephemeral' });
  });

  afterAll(async () => {
    await plain?.close();
    await client?.close();
    await Promise.all([zk?.stop(), etcd?.stop()]);
  });

  it('copies a ZooKeeper subtree to etcd: the root value too, ephemeral nodes skipped with a note, one id', async () => {
    const { plan, report } = await copy('/src', '/from-zk', { targetId: ids.etcd });
    expect(plan).toMatchObject({
      nodes: 4,
      create: 4,
      existing: { total: 0, overwritten: 0, paths: [] },
      identical: 0,
      ephemeral: { count: 1, paths: ['/eph'] },
    });
    expect(plan.ephemeral.note).toContain('ephemeral');
    expect(report).toMatchObject({ copied: 4, overwritten: 0, kept: 0, skipped: 1, failed: [], move: false });
    expect(await valueOf(ids.etcd, '/from-zk')).toBe('root value');
    expect(await valueOf(ids.etcd, '/from-zk/a')).toBe('1');
    expect(await valueOf(ids.etcd, '/from-zk/dir/c')).toBe('3');
    expect(await valueOf(ids.etcd, '/from-zk/eph')).toBeNull();
    const { entries } = await client.call('audit.list', { syncId: report.operationId });
    expect(entries.map((e) => e.path).sort()).toEqual([
      '/from-zk',
      '/from-zk/a',
      '/from-zk/b',
      '/from-zk/dir/c',
    ]);
    expect(new Set(entries.map((e) => `${e.operation}:${e.outcome}:${e.connection.name}`))).toEqual(
      new Set(['create:ok:etcd']),
    );
  });

  it('copies to another ZooKeeper path, keeping existing keys unless asked to overwrite them', async () => {
    await seed({ '/keep': '', '/keep/a': 'old', '/keep/b': '2' });
    const kept = await copy('/src', '/keep');
    expect(kept.plan).toMatchObject({
      nodes: 4,
      existing: { total: 1, overwritten: 0, paths: ['/a'] },
      identical: 1,
    });
    expect(kept.report).toMatchObject({ copied: 2, overwritten: 0, kept: 2, failed: [] });
    expect(await valueOf(ids.zk, '/keep/a')).toBe('old');
    expect(await valueOf(ids.zk, '/keep')).toBe('root value');
    expect(await valueOf(ids.zk, '/keep/dir/c')).toBe('3');

    await plain.setData('/keep/a', Buffer.from('old again'));
    const overwritten = await copy('/src', '/keep', { overwrite: true });
    expect(overwritten.plan.existing).toEqual({ total: 1, overwritten: 1, paths: ['/a'] });
    expect(overwritten.report).toMatchObject({ copied: 0, overwritten: 1, kept: 3, failed: [] });
    expect(await valueOf(ids.zk, '/keep/a')).toBe('1');
    const { entries } = await client.call('audit.list', { syncId: overwritten.report.operationId });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ operation: 'set', path: '/keep/a', outcome: 'ok' });
  });

  it("keeps each node's ACL from ZooKeeper to ZooKeeper (audited), and says ACLs are not carried to etcd", async () => {
    const noAdmin: ZkAcl[] = [
      { perms: Perm.read | Perm.write | Perm.create | Perm.delete, id: { scheme: 'world', id: 'anyone' } },
    ];
    await seed({ '/acl': 'r', '/acl/locked': 'x', '/acl/open': 'o' });
    await plain.setACL('/acl/locked', noAdmin);
    const { plan, report } = await copy('/acl', '/acl-copy');
    expect(plan.carry).toMatchObject({ acls: true });
    expect(report).toMatchObject({ copied: 3, aclsSet: 1, failed: [], carryNote: null });
    expect((await plain.getACL('/acl-copy/locked')).acl).toEqual(noAdmin);
    expect((await plain.getACL('/acl-copy/open')).acl).toEqual((await plain.getACL('/acl/open')).acl);
    const { entries } = await client.call('audit.list', { syncId: report.operationId, limit: 100 });
    expect(entries.filter((e) => e.operation === 'acl').map((e) => `${e.path}:${e.outcome}`)).toEqual([
      '/acl-copy/locked:ok',
    ]);

    const toEtcd = await copy('/acl', '/acl-etcd', { targetId: ids.etcd });
    expect(toEtcd.plan.carry).toEqual({
      acls: false,
      flags: false,
      note: 'ZooKeeper ACLs are not carried: etcd has none.',
    });
    expect(toEtcd.report).toMatchObject({
      aclsSet: 0,
      carryNote: 'ZooKeeper ACLs are not carried: etcd has none.',
    });
  });

  it('moves a subtree: deletes only what reads back equal at the target and what nobody changed since the plan', async () => {
    await seed({ '/mv': '', '/mv/x': 'x', '/mv/y': 'y', '/mv/w': 'w', '/mv/sub': '', '/mv/sub/z': 'z' });
    // The target's parent does not exist yet: not one transaction, the move copies, verifies, deletes.
    const plan = await client.call('copy.plan', {
      source: { connectionId: ids.zk, path: '/mv' },
      target: { connectionId: ids.zk, path: '/far/moved' },
    });
    expect(plan).toMatchObject({ nodes: 4, create: 4 });
    expect(plan.atomicMove).toEqual({ fits: false, note: expect.stringContaining('/far') });
    // A second client between the plan and the apply: /mv/y rewritten with the same bytes (a new version),
    // /mv/w given another value.
    await plain.setData('/mv/y', Buffer.from('y'));
    await plain.setData('/mv/w', Buffer.from('w2'));
    const report = await applied(plan.planId, true);
    expect(report).toMatchObject({ move: true, method: 'copy-verify-delete', copied: 3, deleted: 2 });
    expect(report.methodNote).toContain('/far');
    expect(report.failed.map((f) => [f.path, f.code])).toEqual([['/w', 'CONFLICT']]);
    expect(report.notDeleted.map((n) => [n.path, n.code]).sort()).toEqual([
      ['/w', 'NOT_COPIED'],
      ['/y', 'CONFLICT'],
    ]);
    expect(await valueOf(ids.zk, '/far/moved/y')).toBe('y');
    expect(await valueOf(ids.zk, '/far/moved/w')).toBeNull();
    expect(await valueOf(ids.zk, '/mv/x')).toBeNull();
    expect(await valueOf(ids.zk, '/mv/sub')).toBeNull(); // the folder the deletes left empty went too
    expect(await valueOf(ids.zk, '/mv/y')).toBe('y');
    expect(await valueOf(ids.zk, '/mv/w')).toBe('w2');
    const { entries } = await client.call('audit.list', { syncId: report.operationId, limit: 100 });
    const deletes = entries.filter((e) => e.operation === 'delete');
    expect(deletes.map((e) => `${e.path}:${e.outcome}`).sort()).toEqual([
      '/mv/sub/z:ok',
      '/mv/sub:ok',
      '/mv/x:ok',
      '/mv/y:conflict',
    ]);
  });

  it('renames a single node within one connection (its value and the node itself)', async () => {
    await seed({ '/leaf': 'leaf value' });
    const { plan, report } = await copy('/leaf', '/renamed', { move: true });
    expect(plan).toMatchObject({ nodes: 1, create: 1 });
    expect(report).toMatchObject({
      method: 'transaction',
      copied: 1,
      deleted: 1,
      notDeleted: [],
      failed: [],
    });
    expect(await valueOf(ids.zk, '/renamed')).toBe('leaf value');
    expect(await valueOf(ids.zk, '/leaf')).toBeNull();
  });

  it('reports progress and stops when cancelled: writes not made are skipped, a move deletes nothing', async () => {
    await plain.create('/big', Buffer.from(''));
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => plain.create(`/big/k${i}`, Buffer.from(`v${i}`))),
    );
    const plan = await client.call('copy.plan', {
      source: { connectionId: ids.zk, path: '/big' },
      target: { connectionId: ids.etcd, path: '/big-copy' },
    });
    expect(plan.nodes).toBe(400);
    const { jobId } = await client.call('copy.apply', { planId: plan.planId, move: true });
    expect(await client.call('copy.cancel', { jobId })).toEqual({ cancelled: true });
    let result = await client.call('copy.result', { jobId });
    while (result.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      result = await client.call('copy.result', { jobId });
    }
    expect(result.state).toBe('done');
    expect(result.report!.stoppedBy?.code).toBe('CANCELLED');
    expect(result.report!.copied).toBeLessThan(400);
    expect(result.report!.copied + result.report!.skipped).toBe(400);
    expect(result.report!.deleted).toBe(0);
    expect(await valueOf(ids.zk, '/big/k0')).toBe('v0');
    expect(await client.call('copy.cancel', { jobId })).toEqual({ cancelled: false });

    // Applied to the end, the job reports its progress over every write.
    const again = await client.call('copy.plan', {
      source: { connectionId: ids.zk, path: '/big' },
      target: { connectionId: ids.etcd, path: '/big-copy' },
    });
    const { jobId: lastJob } = await client.call('copy.apply', { planId: again.planId, move: false });
    let last = await client.call('copy.result', { jobId: lastJob });
    while (last.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      last = await client.call('copy.result', { jobId: lastJob });
    }
    expect(last.report!.copied + last.report!.kept).toBe(400);
    expect(last.progress).toMatchObject({ phase: 'apply', total: last.report!.copied });
  });

  it('refuses a target inside the source', async () => {
    const error = await client.failure('copy.plan', {
      source: { connectionId: ids.zk, path: '/src' },
      target: { connectionId: ids.zk, path: '/src/inner' },
    });
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('needs the typed name of a prod target, and refuses a read-only one (both audited, nothing written)', async () => {
    const plan = async (targetId: string, path: string) =>
      client.call('copy.plan', {
        source: { connectionId: ids.zk, path: '/src' },
        target: { connectionId: targetId, path },
      });
    const prod = await plan(ids.prod, '/to-prod');
    const unconfirmed = await client.failure('copy.apply', { planId: prod.planId, move: false });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(await valueOf(ids.zk, '/to-prod')).toBeNull();
    const refusal = (await client.call('audit.list', { connectionName: 'zk-prod', limit: 1 })).entries[0];
    expect(refusal).toMatchObject({ operation: 'copy', outcome: 'refused' });
    const confirmed = await applied(prod.planId, false, 'zk-prod');
    expect(confirmed.copied).toBe(4);
    expect(await valueOf(ids.zk, '/to-prod/a')).toBe('1');

    const ro = await plan(ids.ro, '/to-ro');
    expect(ro.target.readOnly).toBe(true);
    const readOnly = await client.failure('copy.apply', { planId: ro.planId, move: false });
    expect(readOnly.code).toBe('READ_ONLY');
    expect(await valueOf(ids.zk, '/to-ro')).toBeNull();
  });

  it('refuses a move out of a read-only source before anything is written', async () => {
    const plan = await client.call('copy.plan', {
      source: { connectionId: ids.ro, path: '/src' },
      target: { connectionId: ids.zk, path: '/from-ro' },
    });
    const error = await client.failure('copy.apply', { planId: plan.planId, move: true });
    expect(error.code).toBe('READ_ONLY');
    expect(await valueOf(ids.zk, '/from-ro')).toBeNull();
    expect(await valueOf(ids.zk, '/src/a')).toBe('1');
  });
});
