import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendKind } from '../../shared/model/connection.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// The same contract-level behaviour must hold for every backend: read-only refusal in the core, CAS conflicts,
// audit entries for every outcome, live events, and no secret anywhere on disk in clear.
describe.each<BackendKind>(['zookeeper', 'etcd', 'consul', 'nacos'])('core over %s', (kind) => {
  let zk: ZooKeeperServer | undefined;
  let etcd: EtcdServer | undefined;
  let consul: ConsulServer | undefined;
  let nacos: NacosServer | undefined;
  // Nacos keeps configs as dataIds of a group (in the default namespace here); the others take any path.
  const at = (name: string): string => (kind === 'nacos' ? `/public/contract/${name}` : `/${name}`);
  const app = at('app');
  let client: CoreClient;
  let endpoint: string;
  let rwId: string;
  let roId: string;
  let prodId: string;

  beforeAll(async () => {
    if (kind === 'zookeeper') {
      zk = await startZooKeeper();
      endpoint = zk.connectString;
    } else if (kind === 'etcd') {
      etcd = await startEtcd();
      endpoint = etcd.endpoint;
    } else if (kind === 'consul') {
      consul = await startConsul();
      endpoint = consul.endpoint;
    } else {
      nacos = await startNacos();
      endpoint = nacos.endpoint;
    }
    client = await startCoreClient();
    rwId = (await client.call('connections.save', { name: `${kind}-rw`, kind, endpoints: [endpoint] })).id;
    roId = (
      await client.call('connections.save', {
        name: `${kind}-ro`,
        kind,
        endpoints: [endpoint],
        readOnly: true,
      })
    ).id;
    prodId = (
      await client.call('connections.save', {
        name: `${kind}-prod`,
        kind,
        endpoints: endpoint,
        environment: 'prod',
      })
    ).id;
  });

  afterAll(async () => {
    await client?.close();
    await zk?.stop();
    await etcd?.stop();
    await consul?.stop();
    // r-nacos's graceful stop waits for pending long polls (up to 30 s): the watch test leaves one.
    await nacos?.kill();
    await nacos?.stop();
  });

  it('creates, reads and saves with the concurrency token; a stale token is a conflict that writes nothing', async () => {
    await client.call('node.create', { connectionId: rwId, path: app, valueBase64: b64('{"a":1}') });
    const read = await client.call('node.get', { connectionId: rwId, path: app });
    expect(text(read.valueBase64)).toBe('{"a":1}');

    const saved = await client.call('node.set', {
      connectionId: rwId,
      path: app,
      valueBase64: b64('{"a":2}'),
      token: read.token,
    });
    expect(saved.token).not.toBe(read.token);

    const conflict = await client.failure('node.set', {
      connectionId: rwId,
      path: app,
      valueBase64: b64('{"a":3}'),
      token: read.token,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(text(conflict.conflict?.currentValueBase64 ?? '')).toBe('{"a":2}');
    const after = await client.call('node.get', { connectionId: rwId, path: app });
    expect(text(after.valueBase64)).toBe('{"a":2}');
  });

  it('refuses every write on a read-only connection in the core, and audits the refusal', async () => {
    const read = await client.call('node.get', { connectionId: roId, path: app });
    for (const [method, input] of [
      ['node.set', { connectionId: roId, path: app, valueBase64: b64('x'), token: read.token }],
      ['node.create', { connectionId: roId, path: at('ro-new'), valueBase64: b64('x') }],
      ['node.delete', { connectionId: roId, path: app, recursive: true }],
    ] as const) {
      const error = await client.failure(method, input as never);
      expect(error.code).toBe('READ_ONLY');
    }
    const value = await client.call('node.get', { connectionId: rwId, path: app });
    expect(text(value.valueBase64)).toBe('{"a":2}');
    const refused = (await client.call('audit.list', { connectionName: `${kind}-ro` })).entries;
    expect(refused.map((entry) => [entry.operation, entry.outcome])).toEqual([
      ['delete', 'refused'],
      ['create', 'refused'],
      ['set', 'refused'],
    ]);
  });

  it('needs the path typed again for every write on a prod connection', async () => {
    const prodNode = at('prod-node');
    const unconfirmed = await client.failure('node.create', {
      connectionId: prodId,
      path: prodNode,
      valueBase64: b64('p'),
    });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.message).toContain(`type the path ${prodNode} to confirm`);
    await client.call('node.create', {
      connectionId: prodId,
      path: prodNode,
      valueBase64: b64('p'),
      confirmation: prodNode,
    });
    const error = await client.failure('node.delete', {
      connectionId: prodId,
      path: prodNode,
      confirmation: at('another-node'),
    });
    expect(error.code).toBe('CONFIRMATION_REQUIRED');
    const done = await client.call('node.delete', {
      connectionId: prodId,
      path: prodNode,
      confirmation: prodNode,
    });
    expect(done.deleted).toBe(1);
  });

  it('audits creates, saves and conflicts with values before and after, in a verifiable chain', async () => {
    const entries = (await client.call('audit.list', { connectionName: `${kind}-rw` })).entries;
    const summary = entries.map((entry) => [entry.operation, entry.path, entry.outcome]).reverse();
    expect(summary).toEqual([
      ['create', app, 'ok'],
      ['set', app, 'ok'],
      ['set', app, 'conflict'],
    ]);
    const save = entries.find((entry) => entry.operation === 'set' && entry.outcome === 'ok');
    expect(save?.before).toMatchObject({ encoding: 'utf8', data: '{"a":1}' });
    expect(save?.after).toMatchObject({ encoding: 'utf8', data: '{"a":2}' });
    expect(save?.connection).toMatchObject({ kind, environment: 'dev', endpoints: expect.any(Array) });
    expect(save?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await client.call('audit.verify', {})).toMatchObject({ ok: true, firstBroken: null });
  });

  it('pushes node.changed when a watched node is changed by another client', async () => {
    const other = await startCoreClient('other');
    try {
      const otherId = (await other.call('connections.save', { name: 'other', kind, endpoints: [endpoint] }))
        .id;
      const { watchId } = await client.call('watch.subscribe', { connectionId: rwId, path: app });
      const before = client.events.length;
      const current = await other.call('node.get', { connectionId: otherId, path: app });
      await other.call('node.set', {
        connectionId: otherId,
        path: app,
        valueBase64: b64('{"a":9}'),
        token: current.token,
      });
      await expect
        .poll(
          () =>
            client.events
              .slice(before)
              .some((e) => e.event === 'node.changed' && 'path' in e.payload && e.payload.path === app),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
      expect((await client.call('watch.unsubscribe', { watchId })).removed).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('keeps passwords encrypted and out of the audit log', async () => {
    const secret = 'S3cret-Passw0rd-for-audit';
    const saved = await client.call('connections.save', {
      name: `${kind}-auth`,
      kind,
      endpoints: [endpoint],
      auth: { username: 'someone', password: secret },
    });
    expect(saved.auth).toEqual({ username: 'someone', hasPassword: true });
    expect(JSON.stringify(await client.call('connections.list', {}))).not.toContain(secret);
    for (const file of ['profiles.json', 'secrets.file-key.json', join('audit', 'audit.jsonl')]) {
      const content = await readFile(join(client.dataDir, file), 'utf8');
      expect(content).not.toContain(secret);
    }
  });
});
