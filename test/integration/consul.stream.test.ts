import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, OpenedStream, StreamSink } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import type { AppError } from '../../shared/errors.js';
import type { BackendStreamEvent, StreamValue } from '../../shared/model/event-stream.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';
import { rejection, until } from './support/async-expect.js';
import { startCoreClient } from './support/core-client.js';

let server: ConsulServer;
let session: BackendSession;

/** "Someone else" writing through Consul's HTTP API; answers the raw response. */
async function consul(method: 'GET' | 'PUT' | 'DELETE', target: string, body?: string): Promise<Response> {
  const response = await fetch(`http://${server.endpoint}${target}`, { method, body });
  if (!response.ok && response.status !== 404)
    throw new Error(`${method} ${target}: HTTP ${response.status}`);
  return response;
}

/** The ModifyIndex of a key as Consul reports it. */
async function modifyIndex(key: string): Promise<string> {
  const [entry] = (await (await consul('GET', `/v1/kv/${key}`)).json()) as Array<{ ModifyIndex: number }>;
  return String(entry!.ModifyIndex);
}

const text = (value: StreamValue | null): string | null =>
  value?.base64 == null ? null : Buffer.from(value.base64, 'base64').toString('utf8');

/** A sink that keeps what the stream reports. */
function collector(): { sink: StreamSink; events: BackendStreamEvent[]; failures: AppError[] } {
  const events: BackendStreamEvent[] = [];
  const failures: AppError[] = [];
  return { sink: { emit: (e) => events.push(e), fail: (f) => failures.push(f) }, events, failures };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startConsul();
  session = await createConsulDriver().connect(
    consulProfile([server.endpoint], {
      id: 'consul-stream-test',
      name: 'consul stream test',
      sessionTimeoutMs: 3000,
    }),
  );
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Consul event streams (blocking queries)', () => {
  it('reports creates, sets and deletes three levels down in order, with ModifyIndex marks and values', async () => {
    const { sink, events, failures } = collector();
    const opened: OpenedStream = await session.streams!.open(
      '/s',
      { recursive: true, sinceRevision: null },
      sink,
    );
    expect(opened).toMatchObject({ method: 'blocking queries on the prefix', markKind: 'modifyIndex' });

    // Nothing exists under s/ yet, so Consul answers with the index of the whole KV: a write elsewhere
    // moves it (the raw query proves it) and wakes the stream's query, and still no event may follow.
    const before = (await consul('GET', '/v1/kv/s/?recurse')).headers.get('x-consul-index')!;
    const woken = consul('GET', `/v1/kv/s/?recurse&index=${before}&wait=5s`);
    await consul('PUT', '/v1/kv/elsewhere/key', 'outside');
    const moved = (await woken).headers.get('x-consul-index')!;
    expect(BigInt(moved)).toBeGreaterThan(BigInt(before));
    await consul('PUT', '/v1/kv/sibling-of-s', 'not below /s');
    await settle(400);
    expect(events).toEqual([]);

    await consul('PUT', '/v1/kv/s/a/b/c', 'one');
    await until(() => events.length === 1, 5000);
    const created = await modifyIndex('s/a/b/c');
    await consul('PUT', '/v1/kv/s/a/b/c', 'two');
    await until(() => events.length === 2, 5000);
    const changed = await modifyIndex('s/a/b/c');
    await consul('DELETE', '/v1/kv/s/a/b/c');
    await until(() => events.length === 3, 5000);

    expect(events.map((e) => [e.type, e.path])).toEqual([
      ['created', '/s/a/b/c'],
      ['changed', '/s/a/b/c'],
      ['deleted', '/s/a/b/c'],
    ]);
    const [first, second, third] = events as [BackendStreamEvent, BackendStreamEvent, BackendStreamEvent];
    expect(first).toMatchObject({ mark: created, version: created, before: null, beforeKnown: true });
    expect(text(first.after)).toBe('one');
    expect(second).toMatchObject({ mark: changed, version: changed });
    expect([text(second.before), text(second.after)]).toEqual(['one', 'two']);
    expect(third).toMatchObject({ version: null, after: null });
    expect(text(third.before)).toBe('two');
    expect(BigInt(third.mark!)).toBeGreaterThan(BigInt(changed));
    expect(failures).toEqual([]);
    opened.stop();
    await consul('PUT', '/v1/kv/s/after-stop', 'x');
    await settle(300);
    expect(events).toHaveLength(3);
  });

  it('watches a key alone: its value, not the keys below it', async () => {
    const { sink, events } = collector();
    const opened = await session.streams!.open('/k/node', { recursive: false, sinceRevision: null }, sink);
    expect(opened.method).toBe('blocking queries on the key');
    await consul('PUT', '/v1/kv/k/node/child', 'below');
    await consul('PUT', '/v1/kv/k/node', 'own value');
    await until(() => events.length === 1, 5000);
    await settle(300);
    expect(events.map((e) => [e.type, e.path, text(e.after)])).toEqual([['created', '/k/node', 'own value']]);
    opened.stop();
  });

  it('refuses a past revision with one sentence', async () => {
    const error = await rejection(
      session.streams!.open('/s', { recursive: true, sinceRevision: '5' }, collector().sink),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/Consul keeps no history/);
  });

  it('reports a lost agent and, after it returns, the changes of the gap', async () => {
    const { sink, events, failures } = collector();
    await consul('PUT', '/v1/kv/gap/key', 'before');
    const opened = await session.streams!.open('/gap', { recursive: true, sinceRevision: null }, sink);
    await settle(200);
    await server.restart();
    await consul('PUT', '/v1/kv/gap/key', 'after the gap');
    await until(() => events.some((e) => e.type === 'changed'), 15_000);
    // A restarted agent may answer and then lose its leader once more while it elects itself: every loss
    // is a pair of rows, and the change of the gap comes after the last one.
    const types = events.map((e) => e.type);
    const losses = types.filter((type) => type === 'disconnected').length;
    expect(losses).toBeGreaterThanOrEqual(1);
    expect(types).toEqual([
      ...Array.from({ length: losses }, () => ['disconnected', 'reconnected']).flat(),
      'changed',
    ]);
    expect(events[0]!.detail).toMatch(/Lost the Consul agent/);
    const changed = events.at(-1)!;
    expect([text(changed.before), text(changed.after)]).toEqual(['before', 'after the gap']);
    expect(failures).toEqual([]);
    opened.stop();
  }, 30_000);

  it('runs through the core: stream.start and stream.events, servers, diagnostics and owner within the contract', async () => {
    const client = await startCoreClient();
    try {
      const { id } = await client.call('connections.save', {
        name: 'consul',
        kind: 'consul',
        endpoints: [server.endpoint],
      });
      const info = await client.call('stream.start', { connectionId: id, path: '/core', recursive: true });
      expect(info).toMatchObject({
        method: 'blocking queries on the prefix',
        markKind: 'modifyIndex',
        state: 'running',
      });
      await consul('PUT', '/v1/kv/core/x/y', 'through the core');
      await until(
        async () => (await client.call('stream.events', { streamId: info.streamId })).events.length === 1,
        5000,
      );
      const { events } = await client.call('stream.events', { streamId: info.streamId });
      expect(events[0]).toMatchObject({
        seq: 1,
        type: 'created',
        path: '/core/x/y',
        mark: await modifyIndex('core/x/y'),
      });
      expect((await client.call('servers.health', { connectionId: id })).members[0]).toMatchObject({
        role: 'leader',
        up: true,
      });
      const report = await client.call('diagnostics.report', { connectionId: id });
      expect(report.tables.map((t) => t.id)).toEqual(['members', 'sessions', 'blocking-queries']);
      expect(await client.call('owner.query', { connectionId: id, path: '/core/x/y' })).toMatchObject({
        owned: false,
      });
      expect((await client.failure('watchers.query', { connectionId: id, path: '/core' })).message).toMatch(
        /Consul does not tell which clients wait on a key/,
      );
      expect((await client.call('stream.stop', { streamId: info.streamId })).state).toBe('stopped');
    } finally {
      await client.close();
    }
  });
});
