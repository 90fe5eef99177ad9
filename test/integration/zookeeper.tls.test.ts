import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperTlsServer } from '../servers/zookeeper.server.js';
import { rejection } from './support/async-expect.js';
import { connectedZkClient } from './support/zk-client.js';

const driver = createZooKeeperDriver();
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const PLAIN = { ephemeral: false, sequential: false, container: false } as const;

describe('ZooKeeper over TLS (Netty secureClientPort)', () => {
  let mtls: ZooKeeperTlsServer;
  let oneWay: ZooKeeperTlsServer;
  const sessions: BackendSession[] = [];

  beforeAll(async () => {
    [mtls, oneWay] = await Promise.all([
      startZooKeeper({ tls: { clientAuth: 'need' } }),
      startZooKeeper({ tls: { clientAuth: 'none' } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await Promise.all([mtls?.stop(), oneWay?.stop()]);
  });

  async function open(server: ZooKeeperTlsServer, tls: Record<string, unknown>, host = '127.0.0.1') {
    const session = await driver.connect(zooKeeperProfile(`${host}:${server.securePort}`, { tls }));
    sessions.push(session);
    return session;
  }

  it('connects with a client certificate (mTLS), browses and writes', async () => {
    const { caFile, clientCertFile, clientKeyFile } = mtls.tls;
    const session = await open(mtls, { caFile, certFile: clientCertFile, keyFile: clientKeyFile });
    await session.create('/over-tls', utf8('v1'), PLAIN);
    const page = await session.listChildren('/', { cursor: null, limit: 50, filter: null });
    expect(page.entries.map((entry) => entry.name)).toContain('over-tls');
    const node = await session.get('/over-tls', { maxBytes: 0 });
    await session.set('/over-tls', utf8('v2'), node.token);
    const plain = await connectedZkClient(mtls.connectString);
    try {
      expect((await plain.getData('/over-tls')).data.toString()).toBe('v2');
    } finally {
      await plain.close();
    }
    const tlsFeature = session.features?.find((feature) => feature.name === 'TLS');
    expect(tlsFeature).toMatchObject({
      status: 'yes',
      detail: 'Encrypted; the server certificate is verified.',
    });
    // Four-letter words are not asked over TLS: the version comes from the server's answers instead.
    expect(session.features?.find((feature) => feature.name === 'Persistent watches')?.status).toBe('yes');
    expect(session.features?.find((feature) => feature.name === 'whoAmI')?.status).toBe('yes');
  });

  it('asks a member for its health over TLS on the secure port, with the client certificate', async () => {
    const { caFile, clientCertFile, clientKeyFile } = mtls.tls;
    const session = await open(mtls, { caFile, certFile: clientCertFile, keyFile: clientKeyFile });
    const report = await session.servers!.health();
    expect(report.members).toEqual([
      expect.objectContaining({
        id: `127.0.0.1:${mtls.securePort}`,
        up: true,
        role: 'standalone',
        error: null,
      }),
    ]);
    expect(report.members[0]!.metrics.map((m) => m.key)).toContain('ephemerals');
  });

  it('refuses a client certificate from another CA with a clear error, at once', async () => {
    const { caFile, wrongClientCertFile, wrongClientKeyFile } = mtls.tls;
    const started = Date.now();
    const error = await rejection(
      open(mtls, { caFile, certFile: wrongClientCertFile, keyFile: wrongClientKeyFile }),
    );
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe(
      `Cannot connect to ZooKeeper: 127.0.0.1:${mtls.securePort} refused the TLS client certificate (or the lack of one).`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a connection without a client certificate when the server needs one', async () => {
    const error = await rejection(open(mtls, { caFile: mtls.tls.caFile }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toMatch(/refused the TLS client certificate \(or the lack of one\)/);
  });

  it('checks the server certificate against the CA and the host name', async () => {
    const session = await open(oneWay, { caFile: oneWay.tls.caFile }, 'localhost');
    expect((await session.get('/', { maxBytes: 0 })).path).toBe('/');
    const unknownCa = await rejection(open(oneWay, { caFile: mtls.tls.caFile }));
    expect(unknownCa.code).toBe('UNREACHABLE');
    expect(unknownCa.message).toMatch(
      /presented a TLS certificate that could not be verified \(self signed cert in chain\); check the CA file/,
    );
  });

  it('skips verification only when asked, and says INSECURE', async () => {
    const session = await open(oneWay, { insecureSkipVerify: true });
    expect((await session.get('/', { maxBytes: 0 })).path).toBe('/');
    expect(session.features?.find((feature) => feature.name === 'TLS')?.detail).toMatch(/^INSECURE/);
  });

  it('says so in one sentence when a plain client speaks to the TLS port', async () => {
    const error = await rejection(driver.connect(zooKeeperProfile(`127.0.0.1:${oneWay.securePort}`)));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toMatch(/TLS port spoken to in plain text|closed the connection/);
  });
});
