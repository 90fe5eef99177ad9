import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import type { Source } from '../../electron/core/sources/source.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openEtcd, openZooKeeper, seed, tempAudit, type Store } from '../unit/sync/support/stores.js';

let zkServer: ZooKeeperServer;
let etcdServer: EtcdServer;
let zk: Store;
let etcd: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;

const text = async (store: Store, path: string): Promise<string> =>
  Buffer.from((await store.session.get(path, { maxBytes: 0 })).valueBase64, 'base64').toString();

async function plan(source: Source, target: Source, remove = false) {
  return planSync(await diffSources(source, target), target, { delete: remove });
}

beforeAll(async () => {
  [zkServer, etcdServer, audit] = await Promise.all([startZooKeeper(), startEtcd(), tempAudit()]);
  [zk, etcd] = await Promise.all([openZooKeeper(zkServer.connectString), openEtcd(etcdServer.endpoint)]);
});

afterAll(async () => {
  await Promise.all([zk?.close(), etcd?.close()]);
  await Promise.all([zkServer?.stop(), etcdServer?.stop(), audit?.dispose()]);
});

describe('sync: conflicts between plan and apply', () => {
  it('writes nothing where either side moved, reports those items as conflicts, and a re-run converges', async () => {
    await seed(etcd.session, '/c/src', {
      '/update-me': 'new',
      '/source-moves': 'planned',
      '/create-me': 'c',
      '/taken': 't',
      '/fine': 'f',
    });
    await seed(zk.session, '/c/dst', {
      '/update-me': 'old',
      '/source-moves': 'old',
      '/delete-me': 'd',
      '/fine-delete': 'x',
    });
    const source = etcd.source('/c/src');
    const target = zk.source('/c/dst');
    const first = await plan(source, target, true);
    expect(first.summary).toEqual({ create: 3, update: 2, delete: 2 });

    // Between plan and apply: someone edits the target, the source, and creates and deletes target keys.
    await zk.session.set('/c/dst/update-me', Buffer.from('edited meanwhile'), null);
    await etcd.session.set('/c/src/source-moves', Buffer.from('moved'), null);
    await zk.session.create('/c/dst/taken', Buffer.from('someone else'), {
      ephemeral: false,
      sequential: false,
      container: false,
    });
    await zk.session.delete('/c/dst/delete-me', { recursive: false, token: null });

    const report = await audit.apply(first, source, target);
    const outcomes = Object.fromEntries(report.items.map((i) => [i.path, i.outcome]));
    expect(outcomes).toEqual({
      '/create-me': 'applied',
      '/delete-me': 'conflict',
      '/fine': 'applied',
      '/fine-delete': 'applied',
      '/source-moves': 'conflict',
      '/taken': 'conflict',
      '/update-me': 'conflict',
    });
    expect(report.items.find((i) => i.path === '/source-moves')?.error?.message).toMatch(
      /source value .* changed since the plan/,
    );
    expect(await text(zk, '/c/dst/update-me')).toBe('edited meanwhile');
    expect(await text(zk, '/c/dst/source-moves')).toBe('old');
    expect(await text(zk, '/c/dst/taken')).toBe('someone else');

    const conflicts = (await audit.store.list({ pathPrefix: '/c/dst/' })).entries.filter(
      (e) => e.outcome === 'conflict',
    );
    expect(conflicts.map((e) => e.path).sort()).toEqual([
      '/c/dst/delete-me',
      '/c/dst/source-moves',
      '/c/dst/taken',
      '/c/dst/update-me',
    ]);
    expect(conflicts.every((e) => e.details?.syncId === first.syncId)).toBe(true);

    const second = await plan(source, target, true);
    expect(second.syncId).not.toBe(first.syncId);
    const rerun = await audit.apply(second, source, target);
    expect(rerun.summary).toEqual({ applied: 3, conflict: 0, failed: 0, skipped: 0 });
    expect((await diffSources(source, target)).summary).toEqual({
      onlyLeft: 0,
      onlyRight: 0,
      changed: 0,
      same: 5,
    });
  });

  it('writes only the selected items', async () => {
    await seed(etcd.session, '/sel/src', { '/a': '1', '/b': '2' });
    const target = zk.source('/sel/dst');
    const selective = await plan(etcd.source('/sel/src'), target);
    selective.items.find((i) => i.path === '/b')!.selected = false;
    const report = await audit.apply(selective, etcd.source('/sel/src'), target);
    expect(report.items.map((i) => [i.path, i.outcome])).toEqual([['/a', 'applied']]);
    await expect(zk.session.get('/sel/dst/b', { maxBytes: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('sync: the target stops halfway through', () => {
  it('reports what was and was not applied, and the same sync run again converges', async () => {
    const keys: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) keys[`/k${String(i).padStart(4, '0')}`] = `value ${i}`;
    await seed(etcd.session, '/big/src', keys);
    const target = zk.source('/big/dst');
    const first = await plan(etcd.source('/big/src'), target);
    expect(first.summary.create).toBe(1000);

    let killing: Promise<void> | null = null;
    const report = await audit.apply(first, etcd.source('/big/src'), target, {
      job: {
        onProgress: (progress) => {
          if (killing === null && progress.done >= 50) killing = zkServer.kill();
        },
      },
    });
    await killing;
    expect(report.stoppedBy?.code).toMatch(/UNREACHABLE|TIMEOUT|NOT_CONNECTED/);
    expect(report.summary.applied).toBeGreaterThanOrEqual(50);
    expect(report.summary.applied).toBeLessThan(1000);
    expect(report.summary.failed).toBeGreaterThan(0);
    expect(
      report.summary.applied + report.summary.failed + report.summary.skipped + report.summary.conflict,
    ).toBe(1000);

    await zkServer.restart();
    await zk.close();
    zk = await openZooKeeper(zkServer.connectString);
    const retarget = zk.source('/big/dst');
    const second = await plan(etcd.source('/big/src'), retarget);
    expect(second.summary.create).toBeLessThanOrEqual(1000 - report.summary.applied);
    const rerun = await audit.apply(second, etcd.source('/big/src'), retarget);
    expect(rerun.summary.failed + rerun.summary.skipped).toBe(0);
    expect((await diffSources(etcd.source('/big/src'), retarget)).summary).toEqual({
      onlyLeft: 0,
      onlyRight: 0,
      changed: 0,
      same: 1000,
    });
    expect((await audit.store.verify()).ok).toBe(true);
  });
});
