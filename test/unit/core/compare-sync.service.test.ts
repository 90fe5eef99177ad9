import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import type { SourceRef } from '../../../shared/model/compare.js';
import { b64, startCoreClient, text, type CoreClient } from '../../integration/support/core-client.js';

const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]);

// Compare and sync through the contract, over two in-memory etcd-like stores: with batches and one by one.
describe.each([
  ['in batches', true],
  ['one by one', false],
] as const)('compare and sync over the in-memory driver (%s)', (_label, batch) => {
  let client: CoreClient;
  const ids: Record<'left' | 'right' | 'rightRo' | 'rightProd', string> = {
    left: '',
    right: '',
    rightRo: '',
    rightProd: '',
  };
  const ref = (connectionId: string): SourceRef => ({ type: 'connection', connectionId, path: '/cmp' });

  async function until<T extends { state: string }>(poll: () => Promise<T>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const result = await poll();
      if (result.state !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the job did not finish');
  }

  async function compare(target = ids.right): Promise<string> {
    const { jobId } = await client.call('compare.start', { left: ref(ids.left), right: ref(target) });
    expect((await until(() => client.call('compare.result', { jobId }))).state).toBe('done');
    return jobId;
  }

  async function plan(target = ids.right): Promise<MethodOutput<'sync.plan'>> {
    return client.call('sync.plan', { compareJobId: await compare(target), direction: 'left-to-right' });
  }

  async function apply(
    planned: MethodOutput<'sync.plan'>,
    paths: string[],
    confirmation?: string,
  ): Promise<MethodOutput<'sync.result'>> {
    const input = { planId: planned.planId, paths, ...(confirmation === undefined ? {} : { confirmation }) };
    const { jobId } = await client.call('sync.apply', input);
    return until(() => client.call('sync.result', { jobId }));
  }

  const write = (connectionId: string, path: string, value: string | Buffer) =>
    client.call('node.create', {
      connectionId,
      path,
      valueBase64: (typeof value === 'string' ? Buffer.from(value) : value).toString('base64'),
    });

  beforeEach(async () => {
    client = await startCoreClient('compare', [
      createMemoryDriver({ kind: 'etcd', batch: batch ? undefined : false }),
    ]);
    const save = async (name: string, endpoint: string, extra = {}) =>
      (await client.call('connections.save', { name, kind: 'etcd', endpoints: [endpoint], ...extra })).id;
    ids.left = await save('left', 'left.memory');
    ids.right = await save('right', 'right.memory');
    ids.rightRo = await save('right-ro', 'right.memory', { readOnly: true });
    ids.rightProd = await save('right-prod', 'right.memory', { environment: 'prod' });
    await write(ids.left, '/cmp/only-left', 'L');
    await write(ids.left, '/cmp/changed', '{"v":1}');
    await write(ids.left, '/cmp/same', 'same');
    await write(ids.left, '/cmp/bin', BINARY);
    await write(ids.right, '/cmp/only-right', 'R');
    await write(ids.right, '/cmp/changed', '{"v":2}');
    await write(ids.right, '/cmp/same', 'same');
  });

  afterEach(async () => {
    await client.close();
  });

  it('compares two sources: summary, filtered pages and both values of a key', async () => {
    const jobId = await compare();
    const result = await client.call('compare.result', { jobId });
    expect(result.summary).toEqual({ onlyLeft: 2, onlyRight: 1, changed: 1, same: 1 });
    expect(result.entries).toEqual([
      { path: '/bin', status: 'only-left' },
      { path: '/changed', status: 'changed' },
      { path: '/only-left', status: 'only-left' },
      { path: '/only-right', status: 'only-right' },
    ]);
    const page = await client.call('compare.result', { jobId, onlyDifferences: false, offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5, entries: [{ path: '/changed' }, { path: '/only-left' }] });
    const values = await client.call('compare.values', { jobId, path: '/changed' });
    expect([text(values.leftBase64!), text(values.rightBase64!)]).toEqual(['{"v":1}', '{"v":2}']);
    const bin = await client.call('compare.values', { jobId, path: '/bin' });
    expect(Buffer.from(bin.leftBase64!, 'base64').equals(BINARY)).toBe(true);
    expect(bin.rightBase64).toBeNull();
  });

  it('plans and applies the chosen items, each write audited under the sync id', async () => {
    const planned = await plan();
    expect(planned.items).toEqual([
      { path: '/bin', action: 'create' },
      { path: '/changed', action: 'update' },
      { path: '/only-left', action: 'create' },
    ]);
    const result = await apply(planned, ['/bin', '/changed']);
    expect(result.report).toMatchObject({ applied: ['/bin', '/changed'], conflicts: [], failed: [] });
    const again = await client.call('compare.result', { jobId: await compare() });
    expect(again.summary).toEqual({ onlyLeft: 1, onlyRight: 1, changed: 0, same: 3 });
    const audit = (await client.call('audit.list', { connectionName: 'right' })).entries;
    const writes = audit.filter((entry) => entry.details?.['syncId'] === result.report!.syncId);
    expect(writes.map((e) => `${e.operation} ${e.path} ${e.outcome}`).sort()).toEqual([
      'create /cmp/bin ok',
      'set /cmp/changed ok',
    ]);
    expect(writes.find((e) => e.operation === 'set')?.before).toMatchObject({ data: '{"v":2}' });
  });

  it('writes nothing the target changed since the plan: those items are conflicts, the rest is applied', async () => {
    const planned = await plan();
    const current = await client.call('node.get', { connectionId: ids.right, path: '/cmp/changed' });
    await client.call('node.set', {
      connectionId: ids.right,
      path: '/cmp/changed',
      valueBase64: b64('{"v":"theirs"}'),
      token: current.token,
    });
    await write(ids.right, '/cmp/only-left', 'theirs too');
    const result = await apply(planned, ['/bin', '/changed', '/only-left']);
    expect(result.report).toMatchObject({ applied: ['/bin'], failed: [] });
    expect([...result.report!.conflicts].sort()).toEqual(['/changed', '/only-left']);
    for (const [path, value] of [
      ['/cmp/changed', '{"v":"theirs"}'],
      ['/cmp/only-left', 'theirs too'],
    ] as const) {
      expect(text((await client.call('node.get', { connectionId: ids.right, path })).valueBase64)).toBe(
        value,
      );
    }
  });

  it('asks for the connection name before writing to a prod target, and refuses a read-only one', async () => {
    const prod = await plan(ids.rightProd);
    const unconfirmed = await client.failure('sync.apply', { planId: prod.planId, paths: ['/only-left'] });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.message).toContain('right-prod');
    const readOnly = await plan(ids.rightRo);
    expect(readOnly.target.readOnly).toBe(true);
    const refused = await client.failure('sync.apply', { planId: readOnly.planId, paths: ['/only-left'] });
    expect(refused.code).toBe('READ_ONLY');
    expect((await client.failure('node.get', { connectionId: ids.right, path: '/cmp/only-left' })).code).toBe(
      'NOT_FOUND',
    );
    for (const [connectionName, code] of [
      ['right-prod', 'CONFIRMATION_REQUIRED'],
      ['right-ro', 'READ_ONLY'],
    ] as const) {
      const entries = (await client.call('audit.list', { connectionName })).entries;
      expect(entries.map((e) => [e.operation, e.outcome, e.error?.code])).toEqual([
        ['sync', 'refused', code],
      ]);
    }
    const confirmed = await apply(prod, ['/only-left'], 'right-prod');
    expect(confirmed.report).toMatchObject({ applied: ['/only-left'], conflicts: [] });
  });
});
