import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSource } from '../../electron/core/sources/snapshot.source.js';
import type { Source } from '../../electron/core/sources/source.js';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import { exportSnapshot, writeSnapshotFile } from '../../electron/core/sync/snapshot.export.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openEtcd, openZooKeeper, seed, tempAudit, type Store } from '../unit/sync/support/stores.js';

/** Fixed header fields, so two exports of the same keys can be compared byte for byte. */
const HEADER = { label: 'round-trip', exportedAt: '2025-01-01T00:00:00.000Z' };
const KEYS = {
  '/text': 'plain text',
  '/empty': '',
  '/binary': Buffer.from([0x00, 0x01, 0xfe, 0xff, 0xc3, 0x28]),
  '/not-quite-utf8': Buffer.from([0x61, 0xe2, 0x82]),
  '/unicode/naïve/ключ ✓': 'значение 🚀 \u2028 "quoted" \\ back',
  '/parent': 'a value with children',
  '/parent/child': '{"nested": true}',
  '/parent/child/grandchild': 'deep',
  '/lines': 'a\r\nb\n',
};

let zkServer: ZooKeeperServer;
let etcdServer: EtcdServer;
let zk: Store;
let etcd: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;
let dir: string;

async function exportTo(source: Source, name: string): Promise<string> {
  const file = join(dir, name);
  const { text } = await exportSnapshot(source, HEADER);
  await writeSnapshotFile(file, text);
  return file;
}

async function importInto(file: string, target: Source): Promise<void> {
  const snapshot = await SnapshotSource.open(file);
  const plan = await planSync(await diffSources(snapshot, target), target);
  const report = await audit.apply(plan, snapshot, target);
  expect(report.summary).toMatchObject({ applied: plan.items.length, failed: 0, conflict: 0 });
}

beforeAll(async () => {
  [zkServer, etcdServer, audit, dir] = await Promise.all([
    startZooKeeper(),
    startEtcd(),
    tempAudit(),
    mkdtemp(join(tmpdir(), 'configdeck-snapshots-')),
  ]);
  [zk, etcd] = await Promise.all([openZooKeeper(zkServer.connectString), openEtcd(etcdServer.endpoint)]);
  await seed(zk.session, '/origin', KEYS);
});

afterAll(async () => {
  await Promise.all([zk?.close(), etcd?.close()]);
  await Promise.all([
    zkServer?.stop(),
    etcdServer?.stop(),
    audit?.dispose(),
    rm(dir, { recursive: true, force: true }),
  ]);
});

describe('snapshots: lossless round trips', () => {
  it('export → import into etcd → export gives the same bytes, and so does a trip through ZooKeeper', async () => {
    const first = await exportTo(zk.source('/origin'), 'first.json');
    await importInto(first, etcd.source('/imported'));
    const second = await exportTo(etcd.source('/imported'), 'second.json');
    await importInto(second, zk.source('/back/again'));
    const third = await exportTo(zk.source('/back/again'), 'third.json');

    const [a, b, c] = await Promise.all([readFile(first), readFile(second), readFile(third)]);
    expect(b.equals(a)).toBe(true);
    expect(c.equals(a)).toBe(true);
    const parsed = JSON.parse(a.toString('utf8')) as {
      keyCount: number;
      keys: Array<{ path: string; encoding?: string }>;
    };
    expect(parsed.keyCount).toBe(Object.keys(KEYS).length);
    expect(parsed.keys.filter((k) => k.encoding === 'base64').map((k) => k.path)).toEqual([
      '/binary',
      '/not-quite-utf8',
    ]);
  });

  it('a snapshot is a source like any other: diff it against a cluster', async () => {
    const file = await exportTo(zk.source('/origin'), 'diffable.json');
    await zk.session.set('/origin/text', Buffer.from('changed after the export'), null);
    const result = await diffSources(await SnapshotSource.open(file), zk.source('/origin'));
    expect(result.summary).toEqual({
      onlyLeft: 0,
      onlyRight: 0,
      changed: 1,
      same: Object.keys(KEYS).length - 1,
    });
  });

  it('exports metadata when asked', async () => {
    const { text } = await exportSnapshot(etcd.source('/imported'), { ...HEADER, withMetadata: true });
    const line = text.split('\n').find((l) => l.includes('"/text"'))!;
    expect(line).toMatch(/"meta": \{"create_revision":"\d+",.*"mod_revision":"\d+"/);
  });
});
