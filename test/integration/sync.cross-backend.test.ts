import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/model/audit.js';
import { SessionSource } from '../../electron/core/sources/session.source.js';
import type { Source, SourceKey } from '../../electron/core/sources/source.js';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import type { DiffResult } from '../../electron/core/sync/diff.types.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import type { SyncOptions } from '../../electron/core/sync/sync.types.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import {
  etcdScanner,
  openEtcd,
  openZooKeeper,
  seed,
  tempAudit,
  withScanner,
  zooKeeperScanner,
  type Store,
} from '../unit/sync/support/stores.js';
import { snapshotSource } from '../unit/sync/support/snapshots.js';

const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]);
const SOURCE_KEYS = {
  '/plain': 'hello',
  '/empty': '',
  '/bin': BINARY,
  '/ünïcødé/ключ ✓': 'значение 🚀',
  '/folder-key': 'a value on a node with children',
  '/folder-key/child': 'c',
  '/pure/deep/leaf': 'x',
  '/conf.json': '{"a":1,"b":[1,2]}',
  '/tmp/cache': 'volatile',
};

let zkServer: ZooKeeperServer;
let etcdServer: EtcdServer;
let zk: Store;
let etcd: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;

const statuses = (result: DiffResult): Record<string, string> =>
  Object.fromEntries(result.entries.map((e) => [e.path, e.status]));

async function sync(
  source: Source,
  target: Source,
  options: Partial<SyncOptions> = {},
  ignore: string[] = [],
) {
  const diff = await diffSources(source, target, { ignore });
  const plan = await planSync(diff, target, options);
  const report = await audit.apply(plan, source, target);
  return { diff, plan, report };
}

beforeAll(async () => {
  [zkServer, etcdServer, audit] = await Promise.all([startZooKeeper(), startEtcd(), tempAudit()]);
  [zk, etcd] = await Promise.all([openZooKeeper(zkServer.connectString), openEtcd(etcdServer.endpoint)]);
  await seed(zk.session, '/src', SOURCE_KEYS);
  await zk.session.create('/src/eph', Buffer.from('session-bound'), {
    ephemeral: true,
    sequential: false,
    container: false,
  });
});

afterAll(async () => {
  await Promise.all([zk?.close(), etcd?.close()]);
  await Promise.all([zkServer?.stop(), etcdServer?.stop(), audit?.dispose()]);
});

describe('sync across backends (ZooKeeper and etcd)', () => {
  it('diffs by relative path: folders are not keys, ephemeral nodes and the root are left out', async () => {
    const result = await diffSources(zk.source('/src'), etcd.source('/dst'));
    expect(Object.keys(statuses(result))).toEqual([
      '/bin',
      '/conf.json',
      '/empty',
      '/folder-key',
      '/folder-key/child',
      '/plain',
      '/pure/deep/leaf',
      '/tmp/cache',
      '/ünïcødé/ключ ✓',
    ]);
    expect(result.summary).toEqual({ onlyLeft: 9, onlyRight: 0, changed: 0, same: 0 });
    expect(result.leftFolders).toEqual(['/pure', '/pure/deep', '/tmp', '/ünïcødé']);
    const withEphemeral = await diffSources(zk.source('/src'), etcd.source('/dst'), { skipEphemeral: false });
    expect(statuses(withEphemeral)['/eph']).toBe('only-left');
  });

  it('syncs ZooKeeper into etcd, audits every write with one sync id, and converges', async () => {
    const { plan, report } = await sync(zk.source('/src'), etcd.source('/dst'), {}, ['/tmp']);
    expect(plan.summary).toEqual({ create: 8, update: 0, delete: 0 });
    expect(report.summary).toEqual({ applied: 8, conflict: 0, failed: 0, skipped: 0 });
    expect(report.stoppedBy).toBeNull();
    const bin = await etcd.session.get('/dst/bin', { maxBytes: 0 });
    expect(Buffer.from(bin.valueBase64, 'base64').equals(BINARY)).toBe(true);
    const after = await diffSources(zk.source('/src'), etcd.source('/dst'), { ignore: ['/tmp'] });
    expect(after.summary).toEqual({ onlyLeft: 0, onlyRight: 0, changed: 0, same: 8 });

    const entries: AuditEntry[] = (await audit.store.list({ connectionName: 'etcd', pathPrefix: '/dst/' }))
      .entries;
    expect(entries).toHaveLength(8);
    expect(new Set(entries.map((e) => e.details?.syncId))).toEqual(new Set([plan.syncId]));
    expect(entries.every((e) => e.operation === 'create' && e.outcome === 'ok')).toBe(true);
    expect(entries.find((e) => e.path === '/dst/plain')?.after).toEqual({
      encoding: 'utf8',
      data: 'hello',
      size: 5,
    });
  });

  it('syncs etcd into a new ZooKeeper path: parents are created as folders, a key keeps its children', async () => {
    const { report } = await sync(etcd.source('/dst'), zk.source('/copy/app'));
    expect(report.summary).toMatchObject({ applied: 8, conflict: 0, failed: 0 });
    const pure = await zk.session.get('/copy/app/pure', { maxBytes: 0 });
    expect(pure).toMatchObject({ size: 0, childCount: 1 });
    const folderKey = await zk.session.get('/copy/app/folder-key', { maxBytes: 0 });
    expect(Buffer.from(folderKey.valueBase64, 'base64').toString()).toBe('a value on a node with children');
    const after = await diffSources(zk.source('/src'), zk.source('/copy/app'), { ignore: ['/tmp'] });
    expect(after.summary).toEqual({ onlyLeft: 0, onlyRight: 0, changed: 0, same: 8 });
  });

  it('compares JSON as data when asked, so a reordered value is not written', async () => {
    await etcd.session.set('/dst/conf.json', Buffer.from('{ "b": [1, 2], "a": 1 }'), null);
    const raw = await diffSources(zk.source('/src'), etcd.source('/dst'), { ignore: ['/tmp'] });
    expect(statuses(raw)['/conf.json']).toBe('changed');
    const normalized = await diffSources(zk.source('/src'), etcd.source('/dst'), {
      ignore: ['/tmp'],
      normalize: 'json',
    });
    expect(normalized.summary.changed).toBe(0);
    expect((await planSync(normalized, etcd.source('/dst'))).items).toEqual([]);
  });

  it('keeps every target value with onlyNew, and deletes only when asked (emptied folders go too)', async () => {
    await seed(zk.session, '/copy/app', { '/stale/old/key': 'gone soon', '/plain': 'target value' });
    await seed(zk.session, '/src', { '/fresh': 'new' });
    const onlyNew = await sync(zk.source('/src'), zk.source('/copy/app'), { onlyNew: true }, ['/tmp']);
    expect(onlyNew.plan.items.map((i) => [i.action, i.path])).toEqual([['create', '/fresh']]);
    const plain = await zk.session.get('/copy/app/plain', { maxBytes: 0 });
    expect(Buffer.from(plain.valueBase64, 'base64').toString()).toBe('target value');

    const full = await sync(zk.source('/src'), zk.source('/copy/app'), { delete: true }, ['/tmp']);
    expect(full.plan.items.map((i) => [i.action, i.path])).toEqual([
      ['update', '/plain'],
      ['delete', '/stale/old/key'],
    ]);
    expect(full.report.summary.applied).toBe(2);
    await expect(zk.session.get('/copy/app/stale', { maxBytes: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const after = await diffSources(zk.source('/src'), zk.source('/copy/app'), { ignore: ['/tmp'] });
    expect(after.summary).toMatchObject({ onlyLeft: 0, onlyRight: 0, changed: 0 });
  });

  it('turns a ZooKeeper folder into a key with an update, and a key with children into a folder on delete', async () => {
    await seed(zk.session, '/shape/src', { '/node': 'now a key', '/node/child': 'c' });
    await seed(zk.session, '/shape/dst', { '/node/child': 'c', '/gone': 'x', '/gone/child': 'kept' });
    await seed(zk.session, '/shape/src', { '/gone/child': 'kept' });
    const { plan, report } = await sync(zk.source('/shape/src'), zk.source('/shape/dst'), { delete: true });
    expect(plan.items.map((i) => [i.action, i.path])).toEqual([
      ['delete', '/gone'],
      ['update', '/node'],
    ]);
    expect(report.summary.applied).toBe(2);
    const gone = await zk.session.get('/shape/dst/gone', { maxBytes: 0 });
    expect(gone).toMatchObject({ size: 0, childCount: 1 });
    const after = await diffSources(zk.source('/shape/src'), zk.source('/shape/dst'));
    expect(after.summary).toEqual({ onlyLeft: 0, onlyRight: 0, changed: 0, same: 3 });
  });

  it('applies one key rule on every store: an empty value with children is a folder, a childless one a key', async () => {
    await seed(etcd.session, '/rule', { '/a': '', '/a/b': 'x', '/empty': '' });
    await seed(zk.session, '/rule', { '/a/b': 'x', '/empty': '' });
    const result = await diffSources(etcd.source('/rule'), zk.source('/rule'));
    expect(statuses(result)).toEqual({ '/a/b': 'same', '/empty': 'same' });
    expect(result.leftFolders).toEqual(['/a']);
    const scanner = etcdScanner(etcdServer.endpoint);
    try {
      const scanning = new SessionSource({
        label: 's',
        profile: etcd.profile,
        session: withScanner(etcd.session, scanner.scan),
        root: '/rule',
      });
      const scanned = await diffSources(scanning, zk.source('/rule'));
      expect(statuses(scanned)).toEqual({ '/a/b': 'same', '/empty': 'same' });
      expect(scanned.leftFolders).toEqual(['/a']);
    } finally {
      scanner.close();
    }
  });

  it('refuses a read-only target before writing anything, and a snapshot target likewise', async () => {
    const readOnly = new SessionSource({
      label: 'ro',
      profile: { ...etcd.profile, readOnly: true, name: 'etcd-ro' },
      session: etcd.session,
      root: '/ro',
    });
    const diff = await diffSources(zk.source('/src'), readOnly);
    const plan = await planSync(diff, readOnly);
    expect(plan.items.length).toBeGreaterThan(0);
    await expect(audit.apply(plan, zk.source('/src'), readOnly)).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(await etcd.session.countSubtree('/ro').catch(() => 0)).toBe(0);
    // The refusal itself is audited, once for the whole sync.
    expect((await audit.store.list({ connectionName: 'etcd-ro' })).entries).toEqual([
      expect.objectContaining({
        operation: 'sync',
        outcome: 'refused',
        error: expect.objectContaining({ code: 'READ_ONLY' }),
      }),
    ]);
    const snapshot = snapshotSource('file:snap.json', { '/a': '1' });
    const toSnapshot = await planSync(await diffSources(zk.source('/src'), snapshot), snapshot);
    await expect(audit.apply(toSnapshot, zk.source('/src'), snapshot)).rejects.toThrow(
      /"file:snap.json" is a snapshot file, which is always read-only/,
    );
  });

  it('needs the connection name typed back for a prod target', async () => {
    const prod = new SessionSource({
      label: 'prod',
      profile: { ...etcd.profile, environment: 'prod', name: 'etcd-prod' },
      session: etcd.session,
      root: '/prod',
    });
    const plan = await planSync(await diffSources(zk.source('/src'), prod, { ignore: ['/tmp'] }), prod);
    await expect(audit.apply(plan, zk.source('/src'), prod)).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      message: expect.stringMatching(/prod connection: type its name "etcd-prod"/),
    });
    const report = await audit.apply(plan, zk.source('/src'), prod, { confirmation: 'etcd-prod' });
    expect(report.summary.applied).toBe(plan.items.length);
  });
});

describe('bulk scan (proposed driver method) and the node-by-node walk agree', () => {
  async function collect(source: Source): Promise<{ keys: Record<string, string>; folders: string[] }> {
    const keys: Record<string, string> = {};
    const folders: string[] = [];
    await source.walk(
      { skipEphemeral: true, withMetadata: false, ignore: (p) => p === '/tmp' },
      {
        key: (k: SourceKey) => (keys[k.path] = `${k.value.toString('base64')}@${k.token}`),
        folder: (f) => folders.push(f),
      },
    );
    return { keys, folders: folders.sort() };
  }

  it('on ZooKeeper: same keys, values, tokens and folders', async () => {
    const scanner = await zooKeeperScanner(zkServer.connectString);
    try {
      const scanning = new SessionSource({
        label: 's',
        profile: zk.profile,
        session: withScanner(zk.session, scanner.scan),
        root: '/src',
      });
      const [walked, scanned] = await Promise.all([collect(zk.source('/src')), collect(scanning)]);
      expect(Object.keys(scanned.keys)).toHaveLength(9);
      expect(scanned).toEqual(walked);
    } finally {
      await scanner.close();
    }
  });

  it('on etcd: same keys, values and tokens', async () => {
    const scanner = etcdScanner(etcdServer.endpoint);
    // Keys the tree cannot show (an empty level) and keys next to the root but outside it.
    await scanner.client.put('/dst/a//odd').value('skipped');
    await scanner.client.put('/dstx').value('outside');
    try {
      const scanning = new SessionSource({
        label: 's',
        profile: etcd.profile,
        session: withScanner(etcd.session, scanner.scan),
        root: '/dst',
      });
      const [walked, scanned] = await Promise.all([collect(etcd.source('/dst')), collect(scanning)]);
      expect(Object.keys(scanned.keys).length).toBeGreaterThan(5);
      expect(scanned.keys).toEqual(walked.keys);
    } finally {
      scanner.close();
    }
  });
});
