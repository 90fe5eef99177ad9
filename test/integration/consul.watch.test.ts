import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, NodeChange } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import type { ConnectionState } from '../../shared/model/connection.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

let server: ConsulServer;
let session: BackendSession;

/** "Someone else" writing to the same agent through Consul's HTTP API. */
async function consul(method: 'PUT' | 'DELETE', key: string, value?: string): Promise<void> {
  const path = `/v1/kv/${key.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(`http://${server.endpoint}${path}`, { method, body: value });
  if (!response.ok) throw new Error(`${method} ${key}: HTTP ${response.status}`);
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const settle = (ms = 300): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startConsul();
  session = await createConsulDriver().connect(
    consulProfile([server.endpoint], {
      id: 'consul-watch-test',
      name: 'consul watch test',
      sessionTimeoutMs: 3000,
    }),
  );
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Consul driver: live changes through blocking queries', () => {
  it('reports a level whose children change, not the values below it, and a folder key as the value', async () => {
    const changes: NodeChange[] = [];
    const stop = session.watch('/level', { children: true }, (change) => changes.push(change));
    await settle();
    await consul('PUT', 'level/one', '1');
    await waitFor(() => changes.length === 1);
    expect(changes[0]).toEqual({ path: '/level', type: 'children' });
    const listed = await session.listChildren('/level', { cursor: null, limit: 10, filter: null });
    expect(listed.entries.map((e) => e.name)).toEqual(['one']);
    await consul('PUT', 'level/one', 'changed');
    await consul('PUT', 'level/one/deeper', 'x');
    await waitFor(() => changes.length === 2);
    expect(changes[1]?.type).toBe('children'); // `one` became a folder too
    await consul('PUT', 'level/one/deeper', 'y');
    await consul('PUT', 'level/', 'the folder key');
    await waitFor(() => changes.some((c) => c.type === 'created'));
    await settle();
    expect(changes.map((c) => c.type)).toEqual(['children', 'children', 'created']);
    stop();
  });

  it('keeps watching across an agent restart and reports the connection state', async () => {
    const states: ConnectionState[] = [];
    const unsubscribe = session.onStateChange((state) => states.push(state));
    const changes: NodeChange[] = [];
    const stop = session.watch('/restart/key', { children: false }, (change) => changes.push(change));
    await settle();
    await consul('PUT', 'restart/key', 'before');
    await waitFor(() => changes.length === 1);
    await server.restart();
    await waitFor(() => states.includes('connected'), 20_000);
    expect(states[0]).toBe('reconnecting');
    const seen = changes.length;
    await consul('PUT', 'restart/key', 'after');
    await waitFor(() => changes.length > seen, 10_000);
    expect(['created', 'data']).toContain(changes.at(-1)?.type);
    const read = await session.get('/restart/key', { maxBytes: 0 });
    expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('after');
    stop();
    unsubscribe();
  }, 60_000);

  it('follows an agent that came back without its data (its index went backwards) without waiting out the old index', async () => {
    const changes: NodeChange[] = [];
    const stop = session.watch('/reset/key', { children: false }, (change) => changes.push(change));
    await settle();
    // Push the index well past what a fresh agent will reach while the test runs.
    for (let i = 0; i < 30; i++) await consul('PUT', 'reset/key', String(i));
    await waitFor(() => changes.some((c) => c.type === 'data'));
    await server.kill();
    const data = join(server.dataDir, 'data');
    for (const entry of await readdir(data)) await rm(join(data, entry), { recursive: true, force: true });
    await server.restart();
    await waitFor(() => changes.at(-1)?.type === 'deleted', 10_000);
    const started = Date.now();
    await consul('PUT', 'reset/key', 'fresh');
    await waitFor(() => changes.at(-1)?.type === 'created', 10_000);
    expect(Date.now() - started).toBeLessThan(5000);
    stop();
  }, 60_000);

  it('rejects calls quickly when the agent is killed mid-session and never hangs', async () => {
    const stop = session.watch('/killed', { children: true }, () => undefined);
    await settle();
    await server.kill();
    const started = Date.now();
    await expect(session.get('/w/key', { maxBytes: 0 })).rejects.toMatchObject({ code: 'UNREACHABLE' });
    await expect(session.listChildren('/', { cursor: null, limit: 10, filter: null })).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
    await expect(session.set('/w/key', Buffer.from('x'), null)).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
    expect(Date.now() - started).toBeLessThan(3000);
    stop();
    await session.close();
    await expect(session.get('/w/key', { maxBytes: 0 })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
