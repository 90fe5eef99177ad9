import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkState, ZkWatchEvent } from '../../electron/core/backends/zookeeper/client/index.js';
import { startZooKeeperEnsemble, type ZooKeeperEnsemble } from '../servers/zookeeper.ensemble.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { zooKeeperProfile } from '../servers/zookeeper.server.js';
import { rejection, until } from './support/async-expect.js';
import { startFrameProxy } from './support/zk-frame-proxy.js';
import { connectedZkClient } from './support/zk-client.js';

const TIMEOUT_MS = 6000;
const driver = createZooKeeperDriver();

let ensemble: ZooKeeperEnsemble;

beforeAll(async () => {
  ensemble = await startZooKeeperEnsemble({ size: 3 });
}, 120_000);

afterAll(async () => {
  await ensemble?.stop();
});

/** Connects through the driver, retrying while the server is not ready yet. */
async function connectWithin(endpoint: string, timeoutMs: number): Promise<BackendSession> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await driver.connect(zooKeeperProfile(endpoint, { sessionTimeoutMs: TIMEOUT_MS }));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe('ZooKeeper client on a three-server ensemble', () => {
  it('moves the session to another server when its server dies: ephemerals survive, watches fire', async () => {
    const client = await connectedZkClient(ensemble.connectString, { sessionTimeoutMs: TIMEOUT_MS });
    const observer = await connectedZkClient(ensemble.connectString, { sessionTimeoutMs: TIMEOUT_MS });
    try {
      await client.create('/moving', Buffer.from('0'));
      await client.create('/moving/mine', Buffer.alloc(0), { mode: 'ephemeral' });
      const events: ZkWatchEvent[] = [];
      await client.getData('/moving', { watch: (event) => events.push(event) });
      const sessionId = client.sessionId;
      const member = await ensemble.memberOfSession(sessionId);
      expect(member).not.toBeNull();
      const states: ZkState[] = [];
      client.onState((state) => states.push(state));

      const killedAt = Date.now();
      await member!.kill();
      await until(() => client.state === 'connected' && states.includes('disconnected'), TIMEOUT_MS);
      expect(Date.now() - killedAt).toBeLessThan(TIMEOUT_MS);
      expect(client.sessionId).toBe(sessionId);
      const moved = await ensemble.memberOfSession(sessionId);
      expect(moved).not.toBeNull();
      expect(moved!.id).not.toBe(member!.id);

      expect(await observer.exists('/moving/mine')).toMatchObject({ ephemeralOwner: sessionId });
      await observer.setData('/moving', Buffer.from('1'));
      await until(() => events.length > 0, 5000);
      expect(events).toEqual([{ type: 'dataChanged', path: '/moving', zxid: null }]);
      await member!.restart();
    } finally {
      await client.close();
      await observer.close();
    }
  });

  it('reports expiry when the ensemble was away longer than the timeout, then opens a new session', async () => {
    // Through one proxy per member, so the client can be kept away from a running ensemble.
    const proxies = await Promise.all(ensemble.members.map((member) => startFrameProxy(member.port)));
    const client = await connectedZkClient(proxies.map((proxy) => `127.0.0.1:${proxy.port}`).join(','), {
      sessionTimeoutMs: TIMEOUT_MS,
    });
    try {
      await client.create('/lease', Buffer.alloc(0), { mode: 'ephemeral' });
      const events: ZkWatchEvent[] = [];
      await client.exists('/after', { watch: (event) => events.push(event) });
      const oldSession = client.sessionId;
      const states: ZkState[] = [];
      client.onState((state) => states.push(state));

      await Promise.all(proxies.map((proxy) => proxy.pause()));
      await ensemble.stopAll();
      await ensemble.startAll();
      // A new leader restarts the clocks of the sessions it loads, so a whole-ensemble restart alone
      // expires nothing: the client stays away for longer than the timeout after the restart too.
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
      expect(client.state).toBe('disconnected');
      await Promise.all(proxies.map((proxy) => proxy.resume()));
      await until(() => client.state === 'connected', 30_000);

      expect(states).toContain('expired');
      expect(states.indexOf('expired')).toBeGreaterThan(states.indexOf('disconnected'));
      expect(client.sessionId).not.toBe(oldSession);
      expect(client.sessionId).not.toBe(0n);
      expect(await client.exists('/lease')).toBeNull();
      // The watch was set again on the new session.
      await client.create('/after', Buffer.alloc(0));
      await until(() => events.length > 0, 5000);
      expect(events).toEqual([{ type: 'created', path: '/after', zxid: null }]);
    } finally {
      await client.close();
      await Promise.all(proxies.map((proxy) => proxy.close()));
    }
  });
});

describe('ZooKeeper client on an ensemble that lost its quorum', () => {
  let readOnly: ZooKeeperEnsemble;

  beforeAll(async () => {
    // Read-only mode lets a member that lost its quorum keep serving reads to clients that accept it; it
    // can only open local sessions, so those are enabled here (and only here: the other tests run on the
    // default configuration, where every session is global from the start).
    readOnly = await startZooKeeperEnsemble({
      size: 3,
      systemProperties: { 'readonlymode.enabled': 'true' },
      config: { localSessionsEnabled: 'true', localSessionsUpgradingEnabled: 'true' },
    });
    const seeder = await connectedZkClient(readOnly.connectString);
    await seeder.create('/ro', Buffer.from('kept'));
    await seeder.close();
  }, 120_000);

  afterAll(async () => {
    await readOnly?.stop();
  });

  it('accepts a server that lost its quorum as read-only: reads work, writes are refused', async () => {
    const [survivor, ...others] = readOnly.members;
    await Promise.all(others.map((member) => member.kill()));
    // The survivor starts its read-only server a moment after the quorum is gone: retry until it answers.
    const session = await connectWithin(survivor!.connectString, 20_000);
    try {
      expect(session.stateMessage).toMatch(/^read-only: the server lost its quorum/);
      expect(session.features?.find((feature) => feature.name === 'Read-only mode')?.status).toBe('yes');
      expect((await session.get('/ro', { maxBytes: 0 })).path).toBe('/ro');
      const refused = await rejection(session.set('/ro', Buffer.from('no'), null));
      expect(refused.code).toBe('READ_ONLY');
      expect(refused.message).toMatch(/read-only \(it lost its quorum\)/);
      // The servers view: the survivor serves read-only, the others are down.
      const health = await session.servers!.health();
      expect(health.members.map((m) => [m.id, m.up, m.role])).toEqual([
        [survivor!.connectString, true, 'read-only'],
      ]);
    } finally {
      await session.close();
    }
  });
});
