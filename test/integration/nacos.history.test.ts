import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// r-nacos offers config history through its console API (served on the API port when its no-auth console
// is on); the driver detects it, lists versions newest first, reads an old one, and the core's rollback
// restore is an ordinary audited publish; with a token gone stale (a second writer in between) it is a conflict.
describe('Nacos history through the contract', () => {
  let nacos: NacosServer;
  let client: CoreClient;
  let id: string;
  const path = '/public/DEFAULT_GROUP/history.properties';

  beforeAll(async () => {
    nacos = await startNacos({ noAuthConsole: true });
    client = await startCoreClient();
    id = (
      await client.call('connections.save', {
        name: 'nacos-history',
        kind: 'nacos',
        endpoints: [nacos.endpoint],
      })
    ).id;
  });

  afterAll(async () => {
    await client?.close();
    await nacos?.stop();
  });

  it('lists versions newest first, reads an old one and restores it through an audited save', async () => {
    const session = await client.call('connections.open', { id });
    expect(session.capabilities.history).toBe(true);
    await client.call('node.create', { connectionId: id, path, valueBase64: b64('level=1\n') });
    for (const level of [2, 3]) {
      const current = await client.call('node.get', { connectionId: id, path });
      await client.call('node.set', {
        connectionId: id,
        path,
        valueBase64: b64(`level=${level}\n`),
        token: current.token,
      });
    }
    const list = () => client.call('history.list', { connectionId: id, path });
    await expect.poll(async () => (await list()).entries.length, { timeout: 10_000 }).toBe(3);
    const report = await list();
    expect(report.serverKeeps).toBe(true);
    const history = report.entries;
    expect(history.every((entry) => entry.source === 'server' && entry.id.startsWith('server:'))).toBe(true);
    const times = history.map((entry) => entry.time ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    const oldest = history.at(-1)!;
    const version = await client.call('history.get', { connectionId: id, path, id: oldest.id });
    expect(text(version.valueBase64 ?? '')).toBe('level=1\n');

    const stale = await client.call('node.get', { connectionId: id, path });
    // A second writer moves the config after it was read: the restore with the stale token is a conflict.
    await client.call('node.set', {
      connectionId: id,
      path,
      valueBase64: b64('level=4\n'),
      token: stale.token,
    });
    await expect(
      client.call('history.restore', { connectionId: id, path, id: oldest.id, token: stale.token }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(text((await client.call('node.get', { connectionId: id, path })).valueBase64)).toBe('level=4\n');

    const current = await client.call('node.get', { connectionId: id, path });
    const restored = await client.call('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: current.token,
    });
    expect(text(restored.valueBase64)).toBe('level=1\n');
    const {
      entries: [entry],
    } = await client.call('audit.list', { connectionName: 'nacos-history', limit: 1 });
    expect(entry).toMatchObject({
      operation: 'set',
      outcome: 'ok',
      path,
      details: { restoreOf: oldest.id },
    });
    expect(entry?.after).toMatchObject({ data: 'level=1\n' });
  });
});
