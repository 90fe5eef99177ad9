import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import { nacosOtherClient, type NacosOtherClient } from './support/nacos-client.js';
import { subscribeOverGrpc } from './support/nacos-grpc-client.js';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

// What r-nacos tells about who listens, who subscribes and which members there are, detected at connect
// against the real server: each view exists only where its endpoint answers, and a missing one is named.
describe('Nacos troubleshooting on r-nacos', () => {
  let nacos: NacosServer;
  let client: CoreClient;
  let other: NacosOtherClient;
  let id: string;

  beforeAll(async () => {
    nacos = await startNacos({ noAuthConsole: true });
    other = nacosOtherClient(nacos.endpoint);
    client = await startCoreClient();
    id = (
      await client.call('connections.save', {
        name: 'nacos-troubleshoot',
        kind: 'nacos',
        endpoints: [nacos.endpoint],
      })
    ).id;
  });

  afterAll(async () => {
    await client?.close();
    // r-nacos's graceful stop waits for the long polls still held (up to 30 s): the data goes anyway.
    await nacos?.kill();
    await nacos?.stop();
  });

  it('finds no listener query on r-nacos, even while a second client holds a long-poll, and says so', async () => {
    await other.publish('held.properties', 'DEFAULT_GROUP', 'v=1\n');
    // A second client listening as Nacos 1.x clients do: a long-poll holding the md5 it has.
    const poll = new AbortController();
    const held = fetch(other.url('/v1/cs/configs/listener'), {
      method: 'POST',
      headers: { 'Long-Pulling-Timeout': '30000' },
      body: new URLSearchParams({
        'Listening-Configs': `held.properties\u0002DEFAULT_GROUP\u0002${md5('v=1\n')}\u0001`,
      }),
      signal: poll.signal,
    }).catch(() => null);
    try {
      const query = await fetch(
        other.url('/v1/cs/configs/listener', { dataId: 'held.properties', group: 'DEFAULT_GROUP' }),
      );
      expect(query.ok).toBe(false);
      expect((await fetch(other.url('/v1/cs/listener', { ip: '127.0.0.1' }))).ok).toBe(false);
      expect((await fetch(other.url('/v1/core/cluster/nodes'))).ok).toBe(false);

      const session = await client.call('connections.open', { id });
      expect(session.capabilities).toMatchObject({
        eventStreams: true,
        listeners: false,
        watchers: false,
        diagnostics: true,
        servers: true,
        history: true,
      });
      const features = Object.fromEntries(session.features.map((f) => [f.name, f]));
      expect(features['Config listeners']).toEqual({
        name: 'Config listeners',
        status: 'no',
        detail:
          'r-nacos does not offer GET /nacos/v1/cs/configs/listener: it cannot tell which clients listen to a config.',
      });
      expect(features['Listeners by client IP']?.status).toBe('no');
      expect(features['Service subscribers']?.status).toBe('yes');
      expect(features['Cluster members']).toMatchObject({
        status: 'yes',
        detail: expect.stringMatching(/raft\/metrics/),
      });
      const refused = await client.failure('watchers.query', {
        connectionId: id,
        path: '/public/DEFAULT_GROUP/held.properties',
      });
      expect(refused.code).toBe('UNSUPPORTED');
    } finally {
      poll.abort();
      await held;
    }
  });

  it('lists a gRPC subscriber of a service, and names the endpoint missing for listeners by IP', async () => {
    await client.call('connections.open', { id });
    const register = new URLSearchParams({
      serviceName: 'orders',
      groupName: 'shop',
      ip: '10.0.0.1',
      port: '8080',
    });
    expect((await fetch(other.url('/v1/ns/instance'), { method: 'POST', body: register })).ok).toBe(true);
    const subscriber = await subscribeOverGrpc(nacos.grpcPort, { serviceName: 'orders', groupName: 'shop' });
    try {
      const report = await client.call('diagnostics.report', { connectionId: id });
      const tables = Object.fromEntries(report.tables.map((t) => [t.id, t]));
      expect(tables['listeners-by-ip']).toMatchObject({
        available: false,
        rows: [],
        reason: {
          message:
            'r-nacos does not offer GET /nacos/v1/cs/listener?ip=…: it cannot tell which configs a client listens to.',
        },
      });
      const subscribers = tables['subscribers']!;
      expect(subscribers.available).toBe(true);
      expect(subscribers.rows).toEqual([
        expect.objectContaining({
          service: 'orders',
          group: 'shop',
          namespace: 'public',
          client: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        }),
      ]);
    } finally {
      subscriber.close();
    }
    // The subscription ends with the client's connection: the table does not keep stale rows.
    await expect
      .poll(
        async () =>
          (await client.call('diagnostics.report', { connectionId: id })).tables.find(
            (t) => t.id === 'subscribers',
          )!.rows.length,
        { timeout: 10_000, interval: 200 },
      )
      .toBe(0);
  });

  it('reports the member from its own raft state, down when killed and up again after', async () => {
    await client.call('connections.open', { id });
    const health = await client.call('servers.health', { connectionId: id });
    expect(health.members).toEqual([
      expect.objectContaining({
        address: nacos.endpoint,
        up: true,
        role: 'leader',
        name: 'node 1',
        error: null,
      }),
    ]);
    const metric = (key: string) => health.members[0]!.metrics.find((m) => m.key === key)?.value;
    expect(metric('raftState')).toBe('Leader');
    expect(metric('lastApplied')).toBeGreaterThan(0);
    expect(health.disagreements).toEqual([]);

    await nacos.kill();
    const down = await client.call('servers.health', { connectionId: id });
    expect(down.members).toEqual([expect.objectContaining({ address: nacos.endpoint, up: false })]);
    expect(down.members[0]!.error).toMatch(/127\.0\.0\.1/);
    await nacos.restart();
    await expect
      .poll(async () => (await client.call('servers.health', { connectionId: id })).members[0]!.up, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(true);
  });
});
