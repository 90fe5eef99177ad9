import { hostname, userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { until } from './support/async-expect.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';

/** A second client of the store that is not ConfigDeck: its writes reach no audit log. */
interface PlainClient {
  set(path: string, value: string): Promise<void>;
  create(path: string, value: string): Promise<void>;
  delete(path: string): Promise<void>;
  close(): Promise<void>;
}

interface Store {
  label: string;
  kind: 'zookeeper' | 'consul';
  endpoint: string;
  plain: () => Promise<PlainClient>;
  stop: () => Promise<void>;
}

async function zooKeeper(): Promise<Store> {
  const server: ZooKeeperServer = await startZooKeeper();
  return {
    label: 'ZooKeeper',
    kind: 'zookeeper',
    endpoint: server.connectString,
    plain: async () => {
      const zk: ZkClient = await connectedZkClient(server.connectString);
      return {
        set: async (path, value) => void (await zk.setData(path, Buffer.from(value))),
        create: async (path, value) => void (await zk.create(path, Buffer.from(value))),
        delete: (path) => zk.delete(path),
        close: () => zk.close(),
      };
    },
    stop: () => server.stop(),
  };
}

async function consul(): Promise<Store> {
  const server: ConsulServer = await startConsul();
  return {
    label: 'Consul',
    kind: 'consul',
    endpoint: server.endpoint,
    plain: async () => {
      const kv = async (path: string, method: 'PUT' | 'DELETE', body?: string): Promise<void> => {
        const response = await fetch(`http://${server.endpoint}/v1/kv${path}`, { method, body });
        expect(response.ok).toBe(true);
      };
      return {
        set: (path, value) => kv(path, 'PUT', value),
        create: (path, value) => kv(path, 'PUT', value),
        delete: (path) => kv(path, 'DELETE'),
        close: async () => undefined,
      };
    },
    stop: () => server.stop(),
  };
}

// ZooKeeper and Consul keep no history of values: the History pane shows this machine's audit entries of the
// node and what a running Watch tab stream recorded (a write by another client shows only there), says so in
// one sentence, and restores through the ordinary audited save.
describe.each([
  ['ZooKeeper', zooKeeper],
  ['Consul', consul],
])('%s history from the audit log and the Watch tab', (_name, start) => {
  let store: Store;
  let client: CoreClient;
  let plain: PlainClient;
  let id: string;
  const path = '/hist/node';
  const author = `${userInfo().username}@${hostname()}`;

  beforeAll(async () => {
    [store, client] = await Promise.all([start(), startCoreClient()]);
    plain = await store.plain();
    id = (
      await client.call('connections.save', { name: 'local', kind: store.kind, endpoints: [store.endpoint] })
    ).id;
    expect((await client.call('connections.open', { id })).capabilities.history).toBe(false);
  });

  afterAll(async () => {
    await plain?.close();
    await client?.close();
    await store?.stop();
  });

  const list = () => client.call('history.list', { connectionId: id, path });
  const value = async (versionId: string) =>
    text((await client.call('history.get', { connectionId: id, path, id: versionId })).valueBase64 ?? '');
  const current = () => client.call('node.get', { connectionId: id, path });
  const set = async (valueText: string) =>
    client.call('node.set', {
      connectionId: id,
      path,
      valueBase64: b64(valueText),
      token: (await current()).token,
    });

  it('lists the audited writes newest first, each with who made it, and says the server keeps none', async () => {
    if (store.kind === 'zookeeper')
      await client.call('node.create', { connectionId: id, path: '/hist', valueBase64: '' });
    await client.call('node.create', { connectionId: id, path, valueBase64: b64('one') });
    await set('two');
    await set('three');
    const report = await list();
    expect(report.serverKeeps).toBe(false);
    expect(report.notes).toEqual([
      `${store.label} keeps no history of values: these are this machine's audit entries for the node and what the Watch tab recorded.`,
    ]);
    expect(report.entries.map((e) => [e.source, e.operation, e.author, e.restorable])).toEqual([
      ['audit', 'update', author, true],
      ['audit', 'update', author, true],
      ['audit', 'create', author, true],
    ]);
    expect(report.entries.every((e) => /^audit:\d+$/.test(e.id))).toBe(true);
    expect(await Promise.all(report.entries.map((e) => value(e.id)))).toEqual(['three', 'two', 'one']);
  });

  it('shows a write by a second client as the Watch tab recorded it, and folds what the audit already has', async () => {
    const stream = await client.call('stream.start', { connectionId: id, path: '/hist', recursive: true });
    try {
      await plain.set(path, 'from another client');
      await until(async () => (await list()).entries[0]?.source === 'watch', 10_000);
      const seen = (await list()).entries[0]!;
      expect(seen).toMatchObject({ operation: 'update', author: null, restorable: true });
      expect(seen.id).toMatch(new RegExp(`^watch:${stream.streamId}:\\d+$`));
      expect(await value(seen.id)).toBe('from another client');

      await set('four');
      await until(async () => {
        const events = await client.call('stream.events', { streamId: stream.streamId, afterSeq: 0 });
        return events.events.some((e) => e.after?.base64 === b64('four'));
      }, 10_000);
      const { entries } = await list();
      // The stream saw ConfigDeck's own write too: one version, the audit entry, which says so.
      expect(entries[0]).toMatchObject({ source: 'audit', operation: 'update', author });
      expect(entries[0]!.note).toMatch(/A Watch tab stream saw it too\.$/);
      expect(entries.filter((e) => e.source === 'watch').length).toBe(1);
      expect(await value(entries[0]!.id)).toBe('four');
    } finally {
      await client.call('stream.remove', { streamId: stream.streamId });
    }
  });

  it('restores a version with the token read: a conflict when a second client wrote in between, else a write', async () => {
    const oldest = (await list()).entries.at(-1)!;
    const read = await current();
    await plain.set(path, 'moved meanwhile');
    const conflict = await client.failure('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: read.token,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(text((await current()).valueBase64)).toBe('moved meanwhile');

    const restored = await client.call('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: (await current()).token,
    });
    expect(text(restored.valueBase64)).toBe('one');
    const { entries } = await list();
    expect(entries[0]).toMatchObject({ source: 'audit', operation: 'update' });
    const { entries: audited } = await client.call('audit.list', { connectionId: id, path, limit: 1 });
    expect(audited[0]).toMatchObject({ operation: 'set', outcome: 'ok', details: { restoreOf: oldest.id } });
  });

  it('lists a delete as a deletion, and a restore after it creates the node again', async () => {
    await client.call('node.delete', { connectionId: id, path });
    const { entries } = await list();
    expect(entries[0]).toMatchObject({ source: 'audit', operation: 'delete', restorable: false });
    const values = await Promise.all(entries.map(async (e) => (e.restorable ? value(e.id) : null)));
    const target = entries[values.indexOf('two')]!;
    expect(target.source).toBe('audit');
    // Read as absent, created again by a second client: the restore is refused as a conflict, and audited.
    await plain.create(path, 'created by a second client');
    const conflict = await client.failure('history.restore', {
      connectionId: id,
      path,
      id: target.id,
      token: null,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(text((await current()).valueBase64)).toBe('created by a second client');
    const { entries: refused } = await client.call('audit.list', { connectionId: id, path, limit: 1 });
    expect(refused[0]).toMatchObject({ operation: 'create', details: { restoreOf: target.id } });
    expect(refused[0]!.outcome).not.toBe('ok');
    await plain.delete(path);
    const restored = await client.call('history.restore', {
      connectionId: id,
      path,
      id: target.id,
      token: null,
    });
    expect(text(restored.valueBase64)).toBe('two');
    expect((await list()).entries[0]).toMatchObject({ source: 'audit', operation: 'create' });
  });

  it('lists a value the audit log kept only as its digest as not restorable, and says why', async () => {
    const big = 'y'.repeat(70 * 1024);
    await set(big);
    const top = (await list()).entries[0]!;
    expect(top).toMatchObject({ source: 'audit', operation: 'update', restorable: false, size: big.length });
    expect(top.note).toBe(
      `The audit log kept only a digest of this value (${big.length} bytes), so it cannot be restored.`,
    );
    const refused = await client.failure('history.restore', {
      connectionId: id,
      path,
      id: top.id,
      token: (await current()).token,
    });
    expect(refused.code).toBe('INVALID_INPUT');
  });

  it('reverts a set through the audit, and refuses when a second client wrote since', async () => {
    await set('revert me');
    const { entries } = await client.call('audit.list', { connectionId: id, path, limit: 1 });
    const seq = entries[0]!.seq;
    await set('after that');
    const later = (await client.call('audit.list', { connectionId: id, path, limit: 1 })).entries[0]!.seq;
    await plain.set(path, 'a second client');
    expect((await client.call('audit.revert', { seq: later })).items[0]).toMatchObject({ outcome: 'moved' });
    expect(text((await current()).valueBase64)).toBe('a second client');
    await plain.set(path, 'after that');
    const report = await client.call('audit.revert', { seq: later });
    expect(report.items[0]).toMatchObject({ outcome: 'reverted', action: 'set' });
    expect(text((await current()).valueBase64)).toBe('revert me');
    expect(seq).toBeLessThan(later);
  });
});
