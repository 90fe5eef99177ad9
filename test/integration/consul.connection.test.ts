import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import { createTestCertificates, type EtcdTestCertificates } from '../servers/etcd.certs.js';
import { freePort } from '../servers/free-port.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

const driver = createConsulDriver();
const MASTER_TOKEN = '4f1c2a10-6e2b-4d5f-9a3e-0c8b7d6e5f41';
const PLAIN = { ephemeral: false, sequential: false, container: false };

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

describe('Consul driver: profiles that cannot connect', () => {
  it.each([
    'localhost',
    '127.0.0.1:99999',
    'a b:8500',
    'http://:8500',
    'ftp://127.0.0.1:8500',
    '127.0.0.1:port',
  ])('rejects the malformed endpoint %j with INVALID_INPUT', async (endpoint) => {
    await expect(driver.connect(consulProfile([endpoint]))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('names a missing TLS file', async () => {
    const profile = consulProfile(['127.0.0.1:8501'], { tls: { caFile: '/nonexistent/ca.pem' } });
    await expect(driver.connect(profile)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('/nonexistent/ca.pem'),
    });
  });

  it('rejects a closed port with UNREACHABLE at once', async () => {
    const port = await freePort();
    const { error, ms } = await timed(
      driver.connect(consulProfile([`127.0.0.1:${port}`], { sessionTimeoutMs: 1500 })),
    );
    expect(error).toMatchObject({ code: 'UNREACHABLE' });
    expect(ms).toBeLessThan(1000);
  });

  it('rejects an HTTP server that is not Consul with UNREACHABLE and says so', async () => {
    const web = createHttpServer((_, response) => response.writeHead(404).end('not consul'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = web.address() as AddressInfo;
      await expect(driver.connect(consulProfile([`127.0.0.1:${port}`]))).rejects.toMatchObject({
        code: 'UNREACHABLE',
        message: expect.stringMatching(/not as a Consul agent/),
      });
    } finally {
      web.closeAllConnections();
      await new Promise((resolve) => web.close(resolve));
    }
  });
});

describe('Consul driver: ACL tokens against a real agent with ACLs enforced', () => {
  let server: ConsulServer;

  beforeAll(async () => {
    server = await startConsul({ aclMasterToken: MASTER_TOKEN });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('works with the right token, sent to the endpoint that answers when the first cannot be reached', async () => {
    const dead = `127.0.0.1:${await freePort()}`;
    const session = await driver.connect(
      consulProfile([dead, server.endpoint], {
        auth: { username: '', hasPassword: true },
        password: MASTER_TOKEN,
      }),
    );
    try {
      expect(session.server).toMatch(/^consul /);
      await session.create('/acl/key', Buffer.from('secret'), PLAIN);
      const read = await session.get('/acl/key', { maxBytes: 0 });
      expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('secret');
      expect(
        (await session.listChildren('/', { cursor: null, limit: 10, filter: null })).entries,
      ).toHaveLength(1);
    } finally {
      await session.close();
    }
  });

  it('lets a connection without a token in but refuses its writes with PERMISSION_DENIED', async () => {
    const session = await driver.connect(consulProfile([server.endpoint]));
    try {
      expect(session.server).toBeNull(); // the anonymous token may not read the agent
      await expect(session.create('/acl/other', Buffer.from('x'), PLAIN)).rejects.toMatchObject({
        code: 'PERMISSION_DENIED',
      });
      // The listing is filtered by the ACLs, not refused: the anonymous token sees nothing.
      expect((await session.listChildren('/', { cursor: null, limit: 10, filter: null })).entries).toEqual(
        [],
      );
    } finally {
      await session.close();
    }
  });

  it('describes the agent before a profile is saved', async () => {
    const discovery = await driver.discover!(consulProfile([server.endpoint], { password: MASTER_TOKEN }));
    expect(discovery).toEqual({
      datacenters: ['dc1'],
      namespaces: null,
      api: expect.stringMatching(/^consul \d/),
    });
  });

  it('rejects an https endpoint when the agent speaks plain HTTP', async () => {
    await expect(
      driver.connect(
        consulProfile([`https://${server.endpoint}`], { password: MASTER_TOKEN, sessionTimeoutMs: 2000 }),
      ),
    ).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/TLS/) });
  });

  it('refuses a datacenter the agent does not know', async () => {
    await expect(
      driver.connect(consulProfile([server.endpoint], { password: MASTER_TOKEN, datacenter: 'nowhere' })),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/datacenter/) });
  });

  describe('over TLS (the real agent behind a TLS terminator that requires a client certificate)', () => {
    let dir: string;
    let certs: EtcdTestCertificates;
    let terminator: TlsServer;
    let endpoint: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'configdeck-consul-tls-'));
      certs = createTestCertificates(dir);
      terminator = createTlsServer(
        {
          cert: await readFile(certs.serverCertFile),
          key: await readFile(certs.serverKeyFile),
          ca: await readFile(certs.caFile),
          requestCert: true,
          rejectUnauthorized: true,
        },
        (socket) => {
          const upstream = connect(server.port, '127.0.0.1');
          socket.pipe(upstream).pipe(socket);
          socket.on('error', () => upstream.destroy());
          upstream.on('error', () => socket.destroy());
        },
      );
      terminator.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
      endpoint = `127.0.0.1:${(terminator.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => terminator?.close(resolve));
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const tlsProfile = (tls: ResolvedProfile['tls']): ResolvedProfile =>
      consulProfile([endpoint], { tls, password: MASTER_TOKEN, sessionTimeoutMs: 3000 });

    it('connects with the CA and a client certificate (TLS files make the endpoint https)', async () => {
      const session = await driver.connect(
        tlsProfile({ caFile: certs.caFile, certFile: certs.clientCertFile, keyFile: certs.clientKeyFile }),
      );
      try {
        await session.create('/tls/key', Buffer.from('over tls'), PLAIN);
        const read = await session.get('/tls/key', { maxBytes: 0 });
        expect(Buffer.from(read.valueBase64, 'base64').toString()).toBe('over tls');
      } finally {
        await session.close();
      }
    });

    it('refuses a server certificate it cannot verify unless told to skip verification', async () => {
      const client = { certFile: certs.clientCertFile, keyFile: certs.clientKeyFile };
      await expect(driver.connect(tlsProfile(client))).rejects.toMatchObject({
        code: 'UNREACHABLE',
        message: expect.stringMatching(/could not be verified/),
      });
      const session = await driver.connect(tlsProfile({ ...client, insecureSkipVerify: true }));
      await session.close();
    });

    it('reports a missing client certificate', async () => {
      const error = await driver.connect(tlsProfile({ caFile: certs.caFile })).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'AUTH_FAILED',
        message: expect.stringMatching(/client certificate/),
      });
    });

    it('needs both a certificate and a key file', async () => {
      await expect(driver.connect(tlsProfile({ certFile: certs.clientCertFile }))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    });
  });
});
