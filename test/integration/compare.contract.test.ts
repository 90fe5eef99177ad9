import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/contract/methods.js';
import type { SourceRef } from '../../shared/model/compare.js';
import { serializeSnapshot } from '../../electron/core/backends/snapshot/snapshot.format.js';
import { writeSnapshotFile } from '../../electron/core/sync/snapshot.export.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]);

// Compare and sync driven only through the contract, as the UI will: ZooKeeper on the left, etcd on the right.
describe('compare and sync over the contract (ZooKeeper → etcd)', () => {
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let client: CoreClient;
  let snapshotDir: string;
  let zkId: string;
  let etcdId: string;
  let etcdRoId: string;
  let etcdProdId: string;
  const left = (): SourceRef => ({ type: 'connection', connectionId: zkId, path: '/cmp' });
  const right = (connectionId = etcdId): SourceRef => ({ type: 'connection', connectionId, path: '/cmp' });

  async function finished(jobId: string): Promise<MethodOutput<'compare.result'>> {
    for (let i = 0; i < 300; i++) {
      const result = await client.call('compare.result', { jobId });
      if (result.state !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`compare ${jobId} did not finish`);
  }

  async function synced(jobId: string): Promise<MethodOutput<'sync.result'>> {
    for (let i = 0; i < 300; i++) {
      const result = await client.call('sync.result', { jobId });
      if (result.state !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`sync ${jobId} did not finish`);
  }

  async function compare(rightRef: SourceRef = right()): Promise<string> {
    const { jobId } = await client.call('compare.start', { left: left(), right: rightRef });
    expect((await finished(jobId)).state).toBe('done');
    return jobId;
  }

  beforeAll(async () => {
    [zk, etcd, client, snapshotDir] = await Promise.all([
      startZooKeeper(),
      startEtcd(),
      startCoreClient(),
      mkdtemp(join(tmpdir(), 'configdeck-compare-')),
    ]);
    const save = async (name: string, kind: 'zookeeper' | 'etcd', endpoint: string, extra = {}) =>
      (await client.call('connections.save', { name, kind, endpoints: [endpoint], ...extra })).id;
    zkId = await save('zk', 'zookeeper', zk.connectString);
    etcdId = await save('etcd', 'etcd', etcd.endpoint);
    etcdRoId = await save('etcd-ro', 'etcd', etcd.endpoint, { readOnly: true });
    etcdProdId = await save('etcd-prod', 'etcd', etcd.endpoint, { environment: 'prod' });
    const create = (connectionId: string, path: string, value: Buffer | string) =>
      client.call('node.create', {
        connectionId,
        path,
        valueBase64: (typeof value === 'string' ? Buffer.from(value) : value).toString('base64'),
      });
    await create(zkId, '/cmp', '');
    await create(zkId, '/cmp/only-left', 'L');
    await create(zkId, '/cmp/changed', '{"v":1}');
    await create(zkId, '/cmp/same', 'same');
    await create(zkId, '/cmp/bin', BINARY);
    await create(etcdId, '/cmp/only-right', 'R');
    await create(etcdId, '/cmp/changed', '{"v":2}');
    await create(etcdId, '/cmp/same', 'same');
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([
      zk?.stop(),
      etcd?.stop(),
      snapshotDir && rm(snapshotDir, { recursive: true, force: true }),
    ]);
  });

  it('compares in the background: summary, filtered pages, values and progress events', async () => {
    const jobId = await compare();
    const result = await client.call('compare.result', { jobId });
    expect(result.summary).toEqual({ onlyLeft: 2, onlyRight: 1, changed: 1, same: 1 });
    expect(result.error).toBeNull();
    expect(result.total).toBe(4);
    expect(result.entries).toEqual([
      { path: '/bin', status: 'only-left' },
      { path: '/changed', status: 'changed' },
      { path: '/only-left', status: 'only-left' },
      { path: '/only-right', status: 'only-right' },
    ]);
    const all = await client.call('compare.result', { jobId, onlyDifferences: false, offset: 1, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.entries.map((e) => e.path)).toEqual(['/changed', '/only-left']);
    const filtered = await client.call('compare.result', { jobId, pathContains: 'ONLY' });
    expect(filtered.entries.map((e) => e.path)).toEqual(['/only-left', '/only-right']);

    const values = await client.call('compare.values', { jobId, path: '/changed' });
    expect(text(values.leftBase64!)).toBe('{"v":1}');
    expect(text(values.rightBase64!)).toBe('{"v":2}');
    const onlyLeft = await client.call('compare.values', { jobId, path: '/bin' });
    expect(Buffer.from(onlyLeft.leftBase64!, 'base64')).toEqual(BINARY);
    expect(onlyLeft.rightBase64).toBeNull();
    expect((await client.failure('compare.values', { jobId, path: '/nope' })).code).toBe('NOT_FOUND');

    const progress = client.events.filter(
      (e) => e.event === 'job.progress' && (e.payload as { jobId: string }).jobId === jobId,
    );
    expect(progress.at(-1)?.payload).toMatchObject({ kind: 'compare', state: 'done' });
  });

  it('normalised comparison treats equal JSON data as the same', async () => {
    await client.call('node.set', {
      connectionId: etcdId,
      path: '/cmp/changed',
      valueBase64: b64('{ "v": 1 }'),
      token: null,
    });
    const { jobId } = await client.call('compare.start', {
      left: left(),
      right: right(),
      options: { normalize: 'json', ignore: ['/only-*'] },
    });
    const result = await finished(jobId);
    expect(result.summary).toEqual({ onlyLeft: 1, onlyRight: 0, changed: 0, same: 2 });
    await client.call('node.set', {
      connectionId: etcdId,
      path: '/cmp/changed',
      valueBase64: b64('{"v":2}'),
      token: null,
    });
  });

  it('plans and applies the selected items, audited under one sync id; a re-compare shows them the same', async () => {
    const compareId = await compare();
    const plan = await client.call('sync.plan', { compareJobId: compareId, direction: 'left-to-right' });
    expect(plan.target).toEqual({ label: '@etcd/cmp', readOnly: false, environment: expect.any(String) });
    expect(plan.items).toEqual([
      { path: '/bin', action: 'create' },
      { path: '/changed', action: 'update' },
      { path: '/only-left', action: 'create' },
    ]);
    const { jobId } = await client.call('sync.apply', { planId: plan.planId, paths: ['/bin', '/changed'] });
    const result = await synced(jobId);
    expect(result.state).toBe('done');
    expect(result.report).toMatchObject({
      applied: ['/bin', '/changed'],
      conflicts: [],
      failed: [],
      skipped: [],
    });

    const again = await finished(
      (await client.call('compare.start', { left: left(), right: right() })).jobId,
    );
    expect(again.summary).toEqual({ onlyLeft: 1, onlyRight: 1, changed: 0, same: 3 });
    const bin = await client.call('node.get', { connectionId: etcdId, path: '/cmp/bin' });
    expect(Buffer.from(bin.valueBase64, 'base64')).toEqual(BINARY);

    const audit = (await client.call('audit.list', { connectionName: 'etcd', pathPrefix: '/cmp' })).entries;
    const writes = audit.filter((entry) => entry.details?.['syncId'] === result.report!.syncId);
    expect(writes.map((entry) => `${entry.operation} ${entry.path} ${entry.outcome}`).sort()).toEqual([
      'create /cmp/bin ok',
      'set /cmp/changed ok',
    ]);

    expect((await client.failure('sync.apply', { planId: plan.planId, paths: ['/x'] })).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses read-only and unconfirmed prod targets, and snapshot targets', async () => {
    const ro = await compare(right(etcdRoId));
    const roPlan = await client.call('sync.plan', { compareJobId: ro, direction: 'left-to-right' });
    expect(roPlan.target.readOnly).toBe(true);
    const refused = await client.failure('sync.apply', { planId: roPlan.planId, paths: ['/only-left'] });
    expect(refused.code).toBe('READ_ONLY');

    const prod = await compare(right(etcdProdId));
    const prodPlan = await client.call('sync.plan', { compareJobId: prod, direction: 'left-to-right' });
    expect(prodPlan.target.environment).toBe('prod');
    const unconfirmed = await client.failure('sync.apply', {
      planId: prodPlan.planId,
      paths: ['/only-left'],
    });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    // Each refusal is one audit entry for the whole sync; nothing was written.
    for (const [connectionName, code] of [
      ['etcd-ro', 'READ_ONLY'],
      ['etcd-prod', 'CONFIRMATION_REQUIRED'],
    ] as const) {
      const entries = (await client.call('audit.list', { connectionName })).entries;
      expect(entries.map((e) => [e.operation, e.outcome, e.error?.code])).toEqual([
        ['sync', 'refused', code],
      ]);
    }

    const file = join(snapshotDir, 'snap.json');
    const snapshot = serializeSnapshot({
      source: 'test',
      exportedAt: new Date().toISOString(),
      keys: [{ path: '/only-left', value: Buffer.from('S'), meta: null, acls: null }],
    });
    await writeSnapshotFile(file, snapshot);
    const withSnapshot = await compare({ type: 'snapshot', file });
    const snapResult = await client.call('compare.result', { jobId: withSnapshot });
    expect(snapResult.entries).toContainEqual({ path: '/only-left', status: 'changed' });
    const toSnapshot = await client.failure('sync.plan', {
      compareJobId: withSnapshot,
      direction: 'left-to-right',
    });
    expect(toSnapshot.code).toBe('READ_ONLY');
    // The other way round the snapshot is the source: planning into ZooKeeper is fine.
    const back = await client.call('sync.plan', { compareJobId: withSnapshot, direction: 'right-to-left' });
    expect(back.items).toContainEqual({ path: '/only-left', action: 'update' });
  });

  it('cancels a running compare, or reports false once it is done', async () => {
    const { jobId } = await client.call('compare.start', { left: left(), right: right() });
    const { cancelled } = await client.call('job.cancel', { jobId });
    const result = await finished(jobId);
    expect(result.state).toBe(cancelled ? 'cancelled' : 'done');
    if (cancelled) expect(result.error?.code).toBe('CANCELLED');
    expect((await client.call('job.cancel', { jobId })).cancelled).toBe(false);
    expect((await client.failure('compare.result', { jobId: 'nope' })).code).toBe('NOT_FOUND');
  });
});
