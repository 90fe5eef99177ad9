import { Etcd3 } from 'etcd3';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, NodeChange } from '../../electron/core/backends/backend.js';
import { createEtcdDriver } from '../../electron/core/backends/etcd/etcd.driver.js';
import type { ConnectionState } from '../../shared/model/connection.js';
import { etcdProfile, startEtcd, type EtcdServer } from '../servers/etcd.server.js';

const driver = createEtcdDriver();

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves with the settled outcome and how long it took. */
async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await promise;
    return { error: null, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

describe('etcd driver: profiles that cannot connect', () => {
  it.each(['localhost', '127.0.0.1:99999', 'a b:2379', 'http://:2379', '127.0.0.1:port'])(
    'rejects the malformed endpoint %j with INVALID_INPUT',
    async (endpoint) => {
      await expect(driver.connect(etcdProfile([endpoint]))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    },
  );

  it('names a missing TLS file', async () => {
    const profile = etcdProfile(['127.0.0.1:2379'], { tls: { caFile: '/nonexistent/ca.pem' } });
    await expect(driver.connect(profile)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('/nonexistent/ca.pem'),
    });
  });

  it('rejects an HTTP server that is not etcd with UNREACHABLE and says so', async () => {
    const web = createHttpServer((_, response) => response.writeHead(404).end('not etcd'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = web.address() as AddressInfo;
      const { error, ms } = await timed(
        driver.connect(etcdProfile([`127.0.0.1:${port}`], { sessionTimeoutMs: 1500 })),
      );
      expect(error).toMatchObject({ code: 'UNREACHABLE' });
      expect(ms).toBeLessThan(2500);
    } finally {
      web.closeAllConnections();
      await new Promise((resolve) => web.close(resolve));
    }
  });
});

describe('etcd driver: TLS', () => {
  let server: EtcdServer;

  beforeAll(async () => {
    server = await startEtcd({ tls: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('connects with the CA and a client certificate', async () => {
    const session = await driver.connect(etcdProfile([server.endpoint], { tls: server.tls }));
    try {
      expect(session.server).toMatch(/^etcd /);
      await session.create('/tls/key', Buffer.from('secure'), {
        ephemeral: false,
        sequential: false,
        container: false,
      });
      expect((await session.get('/tls/key', { maxBytes: 0 })).size).toBe(6);
    } finally {
      await session.close();
    }
  });

  it('fails without a client certificate, and over plain text, within the timeout', async () => {
    const caOnly = etcdProfile([server.endpoint], {
      tls: { caFile: server.tls!.caFile },
      sessionTimeoutMs: 1500,
    });
    const withoutCert = await timed(driver.connect(caOnly));
    expect(withoutCert.error).toMatchObject({
      code: 'AUTH_FAILED',
      message: expect.stringMatching(/client certificate/),
    });
    expect(withoutCert.ms).toBeLessThan(2500);
    const plain = await timed(driver.connect(etcdProfile([server.endpoint], { sessionTimeoutMs: 1500 })));
    expect(plain.error).toMatchObject({ code: 'UNREACHABLE' });
    expect(plain.ms).toBeLessThan(2500);
  });

  it('refuses a certificate without its key', async () => {
    const profile = etcdProfile([server.endpoint], {
      tls: { caFile: server.tls!.caFile, certFile: server.tls!.certFile },
    });
    await expect(driver.connect(profile)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('etcd driver: server killed mid-session', () => {
  let server: EtcdServer;
  let session: BackendSession;

  beforeAll(async () => {
    server = await startEtcd();
    session = await driver.connect(etcdProfile([server.endpoint], { sessionTimeoutMs: 2000 }));
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('rejects calls quickly while the server is down, then recovers, and the watch resumes', async () => {
    await session.create('/down/key', Buffer.from('before'), {
      ephemeral: false,
      sequential: false,
      container: false,
    });
    const states: ConnectionState[] = [];
    session.onStateChange((state) => states.push(state));
    const changes: NodeChange[] = [];
    session.watch('/down/key', { children: false }, (change) => changes.push(change));
    await new Promise((resolve) => setTimeout(resolve, 200));

    await server.kill();
    for (const call of [
      session.get('/down/key', { maxBytes: 0 }),
      session.listChildren('/down', { cursor: null, limit: 10, filter: null }),
      session.set('/down/key', Buffer.from('x'), null),
    ]) {
      const { error, ms } = await timed(call);
      expect(error).toMatchObject({ code: expect.stringMatching(/^(UNREACHABLE|TIMEOUT)$/) });
      expect(ms).toBeLessThan(3000);
    }
    expect(states).toContain('reconnecting');

    await server.restart();
    await waitFor(
      async () => (await timed(session.get('/down/key', { maxBytes: 0 }))).error === null,
      15_000,
    );
    await waitFor(() => states.at(-1) === 'connected', 5000);

    const writer = new Etcd3({ hosts: `http://${server.endpoint}` });
    try {
      await writer.put('/down/key').value('after');
      await waitFor(() => changes.some((c) => c.type === 'data'), 10_000);
    } finally {
      writer.close();
    }
  });
});
