// Sync into stores with transactions (etcd txn, Consul txn): writes go out in guarded batches.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSource } from '../../electron/core/sources/snapshot.source.js';
import type { BatchWriter } from '../../electron/core/backends/batch.js';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import type { Source } from '../../electron/core/sources/source.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import {
  openConsul,
  openEtcd,
  openZooKeeper,
  PLAIN,
  seed,
  tempAudit,
  type Store,
} from '../unit/sync/support/stores.js';
import { rejection } from './support/async-expect.js';
import { snapshotText } from '../unit/sync/support/snapshot-text.js';

let etcdServer: EtcdServer;
let consulServer: ConsulServer;
let zkServer: ZooKeeperServer;
let etcd: Store;
let consul: Store;
let zk: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;

beforeAll(async () => {
  [etcdServer, consulServer, zkServer, audit] = await Promise.all([
    startEtcd(),
    startConsul(),
    startZooKeeper(),
    tempAudit(),
  ]);
  [etcd, consul, zk] = await Promise.all([
    openEtcd(etcdServer.endpoint),
    openConsul(consulServer.endpoint),
    openZooKeeper(zkServer.connectString),
  ]);
});

afterAll(async () => {
  await Promise.all([etcd?.close(), consul?.close(), zk?.close()]);
  await Promise.all([etcdServer?.stop(), consulServer?.stop(), zkServer?.stop(), audit?.dispose()]);
});

const text = async (store: Store, path: string): Promise<string> =>
  Buffer.from((await store.session.get(path, { maxBytes: 0 })).valueBase64, 'base64').toString();
const token = async (store: Store, path: string): Promise<string | null> =>
  (await store.session.get(path, { maxBytes: 0 })).token;
const batchOf = (store: Store): BatchWriter => store.session.batch!;

function numbered(prefix: string, from: number, to: number, value: (i: number) => string) {
  const keys: Record<string, string> = {};
  for (let i = from; i < to; i++) keys[`/${prefix}${String(i).padStart(3, '0')}`] = value(i);
  return keys;
}

async function plan(source: Source, target: Source, remove = false) {
  return planSync(await diffSources(source, target), target, { delete: remove });
}

/**
 * Each target store, fed from etcd (a source path of its own per test), and what identifies the
 * transaction that last wrote a node: every write of one transaction shares it.
 */
const targets = [
  { name: 'etcd', store: () => etcd, writtenBy: 'token', tooLarge: 2 * 1024 * 1024 },
  { name: 'Consul', store: () => consul, writtenBy: 'token', tooLarge: 600 * 1024 },
  { name: 'ZooKeeper', store: () => zk, writtenBy: 'mzxid', tooLarge: 1100 * 1024 },
] as const;

/** The etcd revision, Consul ModifyIndex or ZooKeeper mzxid of the write that last changed a node. */
async function writtenBy(store: Store, path: string, what: 'token' | 'mzxid'): Promise<string | null> {
  const node = await store.session.get(path, { maxBytes: 0 });
  return what === 'token' ? node.token : (node.meta.find((m) => m.key === 'mzxid')?.value ?? null);
}

describe.each(targets)('sync into $name in transactions', ({ name, store, writtenBy: by, tooLarge }) => {
  const root = `/batched-${name.toLowerCase()}`;

  it('writes creates, updates and deletes in batches: one revision or index per batch, one audit entry per item', async () => {
    const target = store();
    await seed(
      etcd.session,
      `${root}/a/src`,
      numbered('k', 0, 100, (i) => `v${i}`),
    );
    await seed(target.session, `${root}/a/dst`, {
      ...numbered('k', 50, 100, () => 'old'),
      ...numbered('gone', 0, 20, () => 'x'),
    });
    const source = etcd.source(`${root}/a/src`);
    const dst = target.source(`${root}/a/dst`);
    const first = await plan(source, dst, true);
    expect(first.summary).toEqual({ create: 50, update: 50, delete: 20 });

    const report = await audit.apply(first, source, dst);
    expect(report.summary).toEqual({ applied: 120, conflict: 0, failed: 0, skipped: 0 });
    const perBatch = batchOf(target).maxWrites;
    const created = await Promise.all(
      first.items
        .filter((i) => i.action === 'create')
        .map((i) => writtenBy(target, `${root}/a/dst${i.path}`, by)),
    );
    const updated = await Promise.all(
      first.items
        .filter((i) => i.action === 'update')
        .map((i) => writtenBy(target, `${root}/a/dst${i.path}`, by)),
    );
    // Every write of a transaction gets the same etcd revision / Consul ModifyIndex / ZooKeeper zxid.
    expect(new Set(created).size).toBe(Math.ceil(50 / perBatch));
    expect(new Set(updated).size).toBe(Math.ceil(50 / perBatch));
    expect(await text(target, `${root}/a/dst/k075`)).toBe('v75');
    await expect(target.session.get(`${root}/a/dst/gone005`, { maxBytes: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const entries = (await audit.store.list({ pathPrefix: `${root}/a/dst/` })).entries.filter(
      (e) => e.details?.syncId === first.syncId,
    );
    expect(entries).toHaveLength(120);
    expect(new Set(entries.map((e) => e.path)).size).toBe(120);
    expect(entries.every((e) => e.outcome === 'ok')).toBe(true);
    const update = entries.find((e) => e.path === `${root}/a/dst/k060`)!;
    expect(update.operation).toBe('set');
    expect(JSON.stringify(update.before)).toContain('old');
    expect((await diffSources(source, dst)).summary).toMatchObject({ onlyLeft: 0, onlyRight: 0, changed: 0 });
  });

  it('a batch whose guard fails writes nothing at all', async () => {
    const target = store();
    await seed(target.session, `${root}/g`, { '/existing': 'before' });
    const stale = await token(target, `${root}/g/existing`);
    await target.session.set(`${root}/g/existing`, Buffer.from('moved'), null);
    const error = await rejection(
      batchOf(target).apply([
        { op: 'create', path: `${root}/g/new1`, value: Buffer.from('1') },
        { op: 'set', path: `${root}/g/existing`, value: Buffer.from('mine'), token: stale! },
        { op: 'create', path: `${root}/g/new2`, value: Buffer.from('2') },
      ]),
    );
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(await text(target, `${root}/g/existing`)).toBe('moved');
    for (const path of ['new1', 'new2']) {
      await expect(target.session.get(`${root}/g/${path}`, { maxBytes: 0 })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('finds the conflicts among batched items (both sides moved after the plan) and writes the rest', async () => {
    const target = store();
    await seed(
      etcd.session,
      `${root}/c/src`,
      numbered('k', 0, 40, (i) => `new ${i}`),
    );
    await seed(
      target.session,
      `${root}/c/dst`,
      numbered('k', 20, 40, () => 'old'),
    );
    const source = etcd.source(`${root}/c/src`);
    const dst = target.source(`${root}/c/dst`);
    const first = await plan(source, dst);
    expect(first.summary).toEqual({ create: 20, update: 20, delete: 0 });

    // After the plan: a target value edited, a key created in the target, a source value changed.
    await target.session.set(`${root}/c/dst/k025`, Buffer.from('edited meanwhile'), null);
    await target.session.create(`${root}/c/dst/k005`, Buffer.from('someone else'), PLAIN);
    await etcd.session.set(`${root}/c/src/k010`, Buffer.from('moved'), null);

    const report = await audit.apply(first, source, dst);
    const conflicts = report.items.filter((i) => i.outcome === 'conflict').map((i) => i.path);
    expect(conflicts).toEqual(['/k005', '/k010', '/k025']);
    expect(report.summary).toEqual({ applied: 37, conflict: 3, failed: 0, skipped: 0 });
    expect(await text(target, `${root}/c/dst/k025`)).toBe('edited meanwhile');
    expect(await text(target, `${root}/c/dst/k005`)).toBe('someone else');
    await expect(target.session.get(`${root}/c/dst/k010`, { maxBytes: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await text(target, `${root}/c/dst/k004`)).toBe('new 4');

    // The rolled-back batch left no trace: one audit entry per item, the conflicts as conflicts.
    const entries = (await audit.store.list({ pathPrefix: `${root}/c/dst/` })).entries.filter(
      (e) => e.details?.syncId === first.syncId,
    );
    expect(entries).toHaveLength(40);
    expect(
      entries
        .filter((e) => e.outcome === 'conflict')
        .map((e) => e.path)
        .sort(),
    ).toEqual([`${root}/c/dst/k005`, `${root}/c/dst/k010`, `${root}/c/dst/k025`]);

    const rerun = await audit.apply(await plan(source, dst), source, dst);
    expect(rerun.summary).toEqual({ applied: 3, conflict: 0, failed: 0, skipped: 0 });
    expect((await diffSources(source, dst)).summary).toMatchObject({ onlyLeft: 0, onlyRight: 0, changed: 0 });
  });

  it('splits batches by size: values larger than half the byte budget go one per transaction', async () => {
    const target = store();
    const big = Math.floor(batchOf(target).maxBytes * 0.6);
    const keys: Record<string, Buffer> = {};
    for (let i = 0; i < 3; i++) keys[`/big${i}`] = Buffer.alloc(big, 0x41 + i);
    await seed(etcd.session, `${root}/s/src`, { ...keys, '/small': Buffer.from('s') });
    const source = etcd.source(`${root}/s/src`);
    const dst = target.source(`${root}/s/dst`);
    const report = await audit.apply(await plan(source, dst), source, dst);
    expect(report.summary.applied).toBe(4);
    const tokens = await Promise.all(
      ['big0', 'big1', 'big2'].map((key) => writtenBy(target, `${root}/s/dst/${key}`, by)),
    );
    expect(new Set(tokens).size).toBe(3);
    expect((await target.session.get(`${root}/s/dst/big2`, { maxBytes: 0 })).size).toBe(big);
  });

  it('fails a value larger than the store accepts on its own (TOO_LARGE) and writes the rest', async () => {
    const target = store();
    const dir = await mkdtemp(join(tmpdir(), 'configdeck-too-large-'));
    try {
      const keys = [
        { path: '/a', value: 'small a' },
        { path: '/huge', value: 'x'.repeat(tooLarge) },
        { path: '/z', value: 'small z' },
      ];
      const file = join(dir, 'big.json');
      await writeFile(file, snapshotText(keys));
      const source = await SnapshotSource.open(file);
      const dst = target.source(`${root}/l/dst`);
      const report = await audit.apply(await plan(source, dst), source, dst);
      expect(report.stoppedBy).toBeNull();
      expect(report.items.map((i) => [i.path, i.outcome, i.error?.code ?? null])).toEqual([
        ['/a', 'applied', null],
        ['/huge', 'failed', 'TOO_LARGE'],
        ['/z', 'applied', null],
      ]);
      expect(await text(target, `${root}/l/dst/z`)).toBe('small z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sync into Consul keeps what a single save keeps', () => {
  const http = async (method: string, key: string, query = '', body?: string): Promise<Response> => {
    const response = await fetch(`http://${consulServer.endpoint}/v1/kv/${key}${query}`, { method, body });
    if (response.status !== 200 && response.status !== 404)
      throw new Error(`Consul answered ${response.status}`);
    return response;
  };

  it('keeps flags and writes a folder key (dir/) holding the value in place', async () => {
    await http('PUT', 'flagged/dst/flagged', '?flags=42', 'old');
    await http('PUT', 'flagged/dst/fk/', '', 'old folder value');
    await seed(etcd.session, '/flagged/src', { '/flagged': 'new', '/fk': 'new folder value' });
    const source = etcd.source('/flagged/src');
    const dst = consul.source('/flagged/dst');
    const first = await plan(source, dst);
    expect(first.summary).toEqual({ create: 0, update: 2, delete: 0 });
    expect((await audit.apply(first, source, dst)).summary.applied).toBe(2);

    const flagged = (await (await http('GET', 'flagged/dst/flagged')).json()) as Array<{ Flags: number }>;
    expect(flagged[0]!.Flags).toBe(42);
    expect(await (await http('GET', 'flagged/dst/fk/', '?raw')).text()).toBe('new folder value');
    expect((await http('GET', 'flagged/dst/fk')).status).toBe(404);
  });
});

describe('sync into etcd: the target stops halfway through the batches', () => {
  it('reports the batch in flight as failed and the rest as skipped; the same sync run again converges', async () => {
    await seed(
      etcd.session,
      '/halfway/src',
      numbered('k', 0, 1200, (i) => `value ${i}`),
    );
    const dstServer = await startEtcd();
    let dst = await openEtcd(dstServer.endpoint);
    try {
      const source = etcd.source('/halfway/src');
      const first = await plan(source, dst.source('/halfway/dst'));
      expect(first.summary.create).toBe(1200);
      let killing: Promise<void> | null = null;
      const report = await audit.apply(first, source, dst.source('/halfway/dst'), {
        job: {
          onProgress: (progress) => {
            if (killing === null && progress.done >= 128) killing = dstServer.kill();
          },
        },
      });
      await killing;
      expect(report.stoppedBy?.code).toMatch(/UNREACHABLE|TIMEOUT|NOT_CONNECTED/);
      expect(report.summary.applied).toBeGreaterThanOrEqual(128);
      expect(report.summary.applied).toBeLessThan(1200);
      expect(report.summary.failed).toBeGreaterThan(0);
      expect(report.summary.conflict).toBe(0);
      expect(report.summary.applied + report.summary.failed + report.summary.skipped).toBe(1200);
      // Every item that was tried has its audit entry, failed ones included.
      const entries = (await audit.store.list({ pathPrefix: '/halfway/dst/', limit: 10_000 })).entries.filter(
        (e) => e.details?.syncId === first.syncId,
      );
      expect(entries).toHaveLength(report.summary.applied + report.summary.failed);

      await dstServer.restart();
      await dst.close();
      dst = await openEtcd(dstServer.endpoint);
      const second = await plan(source, dst.source('/halfway/dst'));
      const rerun = await audit.apply(second, source, dst.source('/halfway/dst'));
      expect(rerun.summary.failed + rerun.summary.skipped + rerun.summary.conflict).toBe(0);
      expect((await diffSources(source, dst.source('/halfway/dst'))).summary).toEqual({
        onlyLeft: 0,
        onlyRight: 0,
        changed: 0,
        same: 1200,
      });
      expect((await audit.store.verify()).ok).toBe(true);
    } finally {
      await dst.close();
      await dstServer.stop();
    }
  });
});

describe('sync into etcd: cancelled halfway through the batches', () => {
  it('stops between batches: what was written is reported applied, the rest skipped, nothing failed', async () => {
    await seed(
      etcd.session,
      '/cancel/src',
      numbered('k', 0, 1200, (i) => `value ${i}`),
    );
    const source = etcd.source('/cancel/src');
    const target = etcd.source('/cancel/dst');
    const controller = new AbortController();
    const report = await audit.apply(await plan(source, target), source, target, {
      job: {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.done >= 128) controller.abort();
        },
      },
    });
    expect(report.stoppedBy?.code).toBe('CANCELLED');
    expect(report.summary.failed + report.summary.conflict).toBe(0);
    expect(report.summary.applied).toBeGreaterThanOrEqual(128);
    expect(report.summary.skipped).toBeGreaterThan(0);
    expect(report.summary.applied + report.summary.skipped).toBe(1200);
    // Exactly the applied items are in the target.
    const diff = await diffSources(source, target);
    expect(diff.summary.same).toBe(report.summary.applied);
    expect(diff.summary.onlyLeft).toBe(report.summary.skipped);
  });
});
