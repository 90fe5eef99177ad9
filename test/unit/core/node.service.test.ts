import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { b64, startCoreClient, text, type CoreClient } from '../../integration/support/core-client.js';

const NAME = 'memory zk';

// The node service through a real core over the in-memory driver: what each write leaves in the audit log.
describe('node service over the in-memory driver', () => {
  let client: CoreClient;
  let connectionId: string;

  const audit = async (path: string) =>
    (await client.call('audit.list', { connectionName: NAME, pathPrefix: path })).entries.reverse();

  beforeEach(async () => {
    const driver = createMemoryDriver({
      kind: 'zookeeper',
      modes: { ephemeral: true, sequential: true, container: true },
      maxValueBytes: 2 * 1024 * 1024,
    });
    client = await startCoreClient('node-service', [driver]);
    connectionId = (
      await client.call('connections.save', { name: NAME, kind: 'zookeeper', endpoints: ['zk.memory'] })
    ).id;
  });

  afterEach(async () => {
    await client.close();
  });

  it('audits a save with the value the store replaced as before and the new one as after', async () => {
    await client.call('node.create', { connectionId, path: '/app', valueBase64: b64('v1') });
    const read = await client.call('node.get', { connectionId, path: '/app' });
    await client.call('node.set', { connectionId, path: '/app', valueBase64: b64('v2'), token: read.token });
    // Written unconditionally: the before is what the store held at the write, not what the caller read.
    await client.call('node.set', { connectionId, path: '/app', valueBase64: b64('v3'), token: null });
    const entries = await audit('/app');
    expect(entries.map((e) => [e.operation, e.outcome, e.before])).toEqual([
      ['create', 'ok', null],
      ['set', 'ok', { encoding: 'utf8', data: 'v1', size: 2 }],
      ['set', 'ok', { encoding: 'utf8', data: 'v2', size: 2 }],
    ]);
    expect(entries[2]?.after).toMatchObject({ encoding: 'utf8', data: 'v3' });
  });

  it('audits a conflict with the value found as before, and writes nothing', async () => {
    await client.call('node.create', { connectionId, path: '/cas', valueBase64: b64('mine') });
    const read = await client.call('node.get', { connectionId, path: '/cas' });
    await client.call('node.set', {
      connectionId,
      path: '/cas',
      valueBase64: b64('theirs'),
      token: read.token,
    });
    const conflict = await client.failure('node.set', {
      connectionId,
      path: '/cas',
      valueBase64: b64('late'),
      token: read.token,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(text(conflict.conflict!.currentValueBase64!)).toBe('theirs');
    expect(text((await client.call('node.get', { connectionId, path: '/cas' })).valueBase64)).toBe('theirs');
    const last = (await audit('/cas')).at(-1);
    expect(last).toMatchObject({
      operation: 'set',
      outcome: 'conflict',
      before: { data: 'theirs' },
      after: { data: 'late' },
      error: { code: 'CONFLICT' },
    });
  });

  it('audits a delete with the value removed and the number of nodes', async () => {
    await client.call('node.create', { connectionId, path: '/tree', valueBase64: b64('root') });
    await client.call('node.create', { connectionId, path: '/tree/a', valueBase64: b64('a') });
    const refused = await client.failure('node.delete', { connectionId, path: '/tree' });
    expect(refused.code).toBe('NOT_EMPTY');
    expect(await client.call('node.delete', { connectionId, path: '/tree', recursive: true })).toEqual({
      deleted: 2,
    });
    const [failed, done] = (await audit('/tree')).filter((e) => e.operation === 'delete');
    expect(failed).toMatchObject({
      outcome: 'failed',
      error: { code: 'NOT_EMPTY' },
      details: { recursive: false },
    });
    expect(done).toMatchObject({ outcome: 'ok', before: { data: 'root' }, after: null });
    expect(done?.details).toEqual({ recursive: true, deleted: 2 });
  });

  it('refuses a create mode the session does not offer with UNSUPPORTED, audited, before the driver sees it', async () => {
    for (const mode of [{ ttlMs: 1000 }, { leaseTtlSec: 5 }, { ephemeral: true, ttlMs: 1000 }]) {
      const error = await client.failure('node.create', { connectionId, path: '/refused', mode });
      expect(error.code, JSON.stringify(mode)).toBe('UNSUPPORTED');
    }
    expect((await client.failure('node.get', { connectionId, path: '/refused' })).code).toBe('NOT_FOUND');
    const entries = await audit('/refused');
    expect(entries.map((e) => [e.outcome, e.error?.code])).toEqual(Array(3).fill(['failed', 'UNSUPPORTED']));
    expect(entries[0]?.details).toMatchObject({ ttlMs: 1000 });
  });

  it('refuses create options that exclude each other with INVALID_INPUT, even where each is offered', async () => {
    const error = await client.failure('node.create', {
      connectionId,
      path: '/odd',
      mode: { ephemeral: true, container: true },
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect((await client.failure('node.get', { connectionId, path: '/odd' })).code).toBe('NOT_FOUND');
    expect((await audit('/odd')).map((e) => e.outcome)).toEqual(['failed']);
  });

  it('audits a sequential create under the path the store gave it', async () => {
    const created = await client.call('node.create', {
      connectionId,
      path: '/job-',
      valueBase64: b64('x'),
      mode: { sequential: true },
    });
    expect(created.path).toMatch(/^\/job-\d{10}$/);
    const [entry] = await audit('/job-');
    expect(entry).toMatchObject({ operation: 'create', path: created.path, details: { sequential: true } });
  });

  it('cuts a value over 1 MiB unless the caller asks for all of it', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x61);
    await client.call('node.create', { connectionId, path: '/big', valueBase64: big.toString('base64') });
    expect(await client.call('node.get', { connectionId, path: '/big' })).toMatchObject({
      truncated: true,
      size: big.length,
    });
    const whole = await client.call('node.get', { connectionId, path: '/big', maxBytes: 0 });
    expect(Buffer.from(whole.valueBase64, 'base64').equals(big)).toBe(true);
  });
});
