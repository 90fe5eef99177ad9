import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, NodeChange } from '../../electron/core/backends/backend.js';
import { createNacosDriver } from '../../electron/core/backends/nacos/nacos.driver.js';
import type { ConnectionState } from '../../shared/model/connection.js';
import { freePort } from '../servers/free-port.js';
import { nacosProfile, startNacos, type NacosServer } from '../servers/nacos.server.js';
import { rejection, until } from './support/async-expect.js';

const driver = createNacosDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };

describe('Nacos driver: connect failures', () => {
  it('rejects malformed endpoints and context paths with INVALID_INPUT before connecting', async () => {
    for (const endpoints of [
      ['localhost'],
      ['127.0.0.1:0'],
      ['127.0.0.1:99999'],
      ['http://127.0.0.1:8848/nacos'],
      ['a b:1'],
    ]) {
      expect((await rejection(driver.connect(nacosProfile(endpoints)))).code, endpoints.join()).toBe(
        'INVALID_INPUT',
      );
    }
    expect(
      (await rejection(driver.connect(nacosProfile(['127.0.0.1:8848'], { contextPath: 'nacos' })))).code,
    ).toBe('INVALID_INPUT');
  });
});

describe('Nacos driver: against a running server', () => {
  let server: NacosServer;
  let session: BackendSession | null = null;

  beforeAll(async () => {
    server = await startNacos();
  });

  afterAll(async () => {
    await session?.close();
    // r-nacos's graceful stop waits for pending long polls (up to 30 s): the watch above leaves one.
    await server?.kill();
    await server?.stop();
  });

  it('fails over to the next endpoint when the first one is down', async () => {
    const dead = `127.0.0.1:${await freePort()}`;
    const failover = await driver.connect(nacosProfile([dead, server.endpoint]));
    try {
      expect(failover.server).toMatch(/r-nacos/);
      expect(
        (await failover.listChildren('/', { cursor: null, limit: 10, filter: null })).entries[0]?.name,
      ).toBe('public');
    } finally {
      await failover.close();
    }
  });

  it('reports UNSUPPORTED for a wrong context path instead of a confusing error', async () => {
    const error = await rejection(
      driver.connect(nacosProfile([server.endpoint], { contextPath: '/not-nacos' })),
    );
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/context path/);
  });

  it('discovers namespaces and the API before a profile is saved', async () => {
    const discovery = await driver.discover!(nacosProfile([server.endpoint]));
    expect(discovery.datacenters).toBeNull();
    expect(discovery.namespaces).toEqual(expect.arrayContaining([{ id: 'public', name: 'public' }]));
    expect(discovery.api).toMatch(/^r-nacos \(v1 open API/);
  });

  it('rejects calls instead of hanging when the server dies, then recovers with its watches', async () => {
    session = await driver.connect(nacosProfile([server.endpoint], { sessionTimeoutMs: 3000 }));
    const states: ConnectionState[] = [];
    const changes: NodeChange[] = [];
    session.onStateChange((state) => states.push(state));
    await session.create('/public/down/cfg', Buffer.from('1'), PLAIN);
    session.watch('/public/down/cfg', { children: false }, (c) => changes.push(c));
    await new Promise((resolve) => setTimeout(resolve, 300));

    await server.kill();
    const started = Date.now();
    const error = await rejection(session.get('/public/down/cfg', { maxBytes: 0 }));
    expect(['UNREACHABLE', 'TIMEOUT']).toContain(error.code);
    expect(Date.now() - started).toBeLessThan(3500);
    expect((await rejection(session.set('/public/down/cfg', Buffer.from('2'), null))).code).toMatch(
      /UNREACHABLE|TIMEOUT/,
    );
    expect(states).toContain('reconnecting');

    await server.restart();
    await until(() => states.at(-1) === 'connected', 10_000);
    // (r-nacos may lose a write made just before a SIGKILL: the test does not rely on it.)
    const seen = changes.length;
    await session.set('/public/down/cfg', Buffer.from('after restart'), null);
    const read = await session.get('/public/down/cfg', { maxBytes: 0 });
    expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('after restart');
    // The long poll came back on its own: the change after the restart is reported.
    await until(() => changes.slice(seen).some((c) => c.type === 'data' || c.type === 'created'), 10_000);
  });
});
