import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/model/connection.js';
import type { BackendSession, NodeChange } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { rejection, until } from './support/async-expect.js';

const driver = createZooKeeperDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('ZooKeeper driver: connect failures', () => {
  it('rejects malformed endpoints with INVALID_INPUT before connecting', async () => {
    const malformed = [
      ['localhost'],
      ['127.0.0.1:0'],
      ['127.0.0.1:70000'],
      ['127.0.0.1:21x1'],
      ['bad host:2181'],
      ['127.0.0.1:2181/app/'],
      ['127.0.0.1:2181/app', '127.0.0.1:2182'],
      ['127.0.0.1:2181,,127.0.0.1:2182'],
    ];
    for (const endpoints of malformed) {
      const error = await rejection(driver.connect(zooKeeperProfile(endpoints)));
      expect(error.code, endpoints.join(',')).toBe('INVALID_INPUT');
    }
  });

  it('reports TTL as unsupported when the server runs without extended types', async () => {
    const plain = await startZooKeeper({ extendedTypes: false });
    const session = await driver.connect(zooKeeperProfile(plain.connectString));
    try {
      // Found out on connect, without writing anything (a TTL create under a parent that does not exist).
      expect(session.nodeCapabilities.ttl).toBe(false);
      expect(session.features?.find((feature) => feature.name === 'TTL nodes')?.status).toBe('no');
      const error = await rejection(session.create('/ttl', Buffer.alloc(0), { ...PLAIN, ttlMs: 1000 }));
      expect(error.code).toBe('UNSUPPORTED');
      expect(error.message).toMatch(/extendedTypesEnabled/);
      expect(session.nodeCapabilities.ttl).toBe(false);
      // The session is still fine.
      expect((await session.create('/plain', Buffer.alloc(0), PLAIN)).path).toBe('/plain');
    } finally {
      await session.close();
      await plain.stop();
    }
  });
});

describe('ZooKeeper driver: error codes of newer servers', () => {
  it('maps QUOTA_EXCEEDED to TOO_LARGE and keeps the session', async () => {
    const quota = await startZooKeeper({ systemProperties: { 'zookeeper.enforceQuota': 'true' } });
    const session = await driver.connect(zooKeeperProfile(quota.connectString));
    try {
      await session.create('/limited', Buffer.alloc(0), PLAIN);
      await session.create('/zookeeper/quota/limited', Buffer.alloc(0), PLAIN);
      const limits = 'count=-1,bytes=-1,countHardLimit=2,byteHardLimit=-1';
      await session.create('/zookeeper/quota/limited/zookeeper_limits', utf8(limits), PLAIN);
      await session.create('/zookeeper/quota/limited/zookeeper_stats', utf8('count=1,bytes=0'), PLAIN);
      await session.create('/limited/a', Buffer.alloc(0), PLAIN);
      const refused = await rejection(session.create('/limited/b', Buffer.alloc(0), PLAIN));
      expect(refused.code).toBe('TOO_LARGE');
      expect(refused.message).toMatch(/quota/);
      expect((await session.get('/limited', { maxBytes: 0 })).childCount).toBe(1);
    } finally {
      await session.close();
      await quota.stop();
    }
  });
});

describe('ZooKeeper driver: server down mid-session', () => {
  let server: ZooKeeperServer;
  let session: BackendSession;
  let writer: BackendSession;
  const states: ConnectionState[] = [];
  const changes: NodeChange[] = [];

  beforeAll(async () => {
    server = await startZooKeeper();
    // Long enough for the session to survive the restart below, short enough to keep the test quick.
    session = await driver.connect(zooKeeperProfile(server.connectString, { sessionTimeoutMs: 6000 }));
    session.onStateChange((state) => states.push(state));
  });

  afterAll(async () => {
    await session?.close();
    await writer?.close();
    await server?.stop();
  });

  it('rejects calls with UNREACHABLE/TIMEOUT instead of hanging, then recovers with its watches', async () => {
    await session.create('/survivor', utf8('before'), PLAIN);
    session.watch('/survivor', { children: false }, (change) => changes.push(change));
    await session.get('/survivor', { maxBytes: 0 });

    await server.kill();
    await until(() => states.includes('reconnecting'), 5000);

    // Reads wait for a reconnect, bounded by the session timeout; writes are refused at once.
    const startedReads = Date.now();
    const reads = Promise.all([
      rejection(session.get('/survivor', { maxBytes: 0 })),
      rejection(session.listChildren('/', { cursor: null, limit: 10, filter: null })),
      rejection(session.countSubtree('/survivor')),
    ]);
    const startedWrite = Date.now();
    const writeError = await rejection(session.set('/survivor', utf8('lost'), null));
    expect(writeError.code).toBe('UNREACHABLE');
    expect(Date.now() - startedWrite).toBeLessThan(100);
    for (const error of await reads) expect(['UNREACHABLE', 'TIMEOUT']).toContain(error.code);
    expect(Date.now() - startedReads).toBeLessThan(6000 + 1000);

    await server.restart();
    await until(() => states[states.length - 1] === 'connected', 6000);
    expect((await session.get('/survivor', { maxBytes: 0 })).valueBase64).toBe(
      utf8('before').toString('base64'),
    );

    // The write refused while down was never sent later; the watch survived the reconnect.
    writer = await driver.connect(zooKeeperProfile(server.connectString));
    await writer.set('/survivor', utf8('after'), '0');
    await until(() => changes.length > 0, 5000);
    expect(changes).toEqual([{ path: '/survivor', type: 'data' }]);
  });

  it('reports an expired session, then opens a new one with its watches re-set', async () => {
    const other = await startZooKeeper();
    const doomed = await driver.connect(zooKeeperProfile(other.connectString, { sessionTimeoutMs: 4000 }));
    const seen: Array<[ConnectionState, string | null]> = [];
    doomed.onStateChange((state, message) => seen.push([state, message]));
    const changes: NodeChange[] = [];
    doomed.watch('/watched', { children: false }, (change) => changes.push(change));
    try {
      await other.kill();
      // A server restarted without its data does not know the session: the reconnect is told it expired.
      // It only lets the client in once its zxid passed the client's last one, so write a little first.
      await rm(join(other.dataDir, 'data', 'version-2'), { recursive: true, force: true });
      await other.restart();
      const helper = await driver.connect(zooKeeperProfile(other.connectString));
      for (const name of ['a', 'b', 'c', 'd']) await helper.create(`/${name}`, Buffer.alloc(0), PLAIN);
      await until(() => seen.some(([state]) => state === 'expired'), 8000);
      await until(() => seen[seen.length - 1]?.[0] === 'connected', 8000);
      expect(seen[seen.length - 1]?.[1]).toBe(
        'session expired: ephemeral nodes of this session are gone, watches re-set on the new session',
      );
      expect((await doomed.get('/a', { maxBytes: 0 })).path).toBe('/a');
      // The watch set on the old session was set again on the new one.
      await helper.create('/watched', Buffer.alloc(0), PLAIN);
      await until(() => changes.length > 0, 5000);
      expect(changes).toEqual([{ path: '/watched', type: 'created' }]);
      await helper.close();
    } finally {
      await doomed.close();
      await other.stop();
    }
  });

  it('closes promptly while the server is down', async () => {
    const doomed = await driver.connect(zooKeeperProfile(server.connectString, { sessionTimeoutMs: 4000 }));
    await server.kill();
    const started = Date.now();
    await doomed.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await rejection(doomed.get('/', { maxBytes: 0 }))).code).toBe('NOT_CONNECTED');
  });
});
