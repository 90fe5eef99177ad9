import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// r-nacos offers config history through its console API (served on the API port when its no-auth console
// is on); the driver detects it, lists versions newest first, reads an old one, and the core's rollback
// is an ordinary audited publish.
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

  it('lists versions newest first, reads an old one and rolls back to it through an audited save', async () => {
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
    await expect.poll(async () => (await list()).length, { timeout: 10_000 }).toBe(3);
    const history = await list();
    const times = history.map((entry) => entry.time);
    expect([...times].sort().reverse()).toEqual(times);
    const oldest = history.at(-1)!;
    const version = await client.call('history.get', { connectionId: id, path, id: oldest.id });
    expect(text(version.valueBase64)).toBe('level=1\n');

    const current = await client.call('node.get', { connectionId: id, path });
    const rolled = await client.call('history.rollback', {
      connectionId: id,
      path,
      id: oldest.id,
      token: current.token,
    });
    expect(text(rolled.valueBase64)).toBe('level=1\n');
    const [entry] = await client.call('audit.list', { connectionName: 'nacos-history', limit: 1 });
    expect(entry).toMatchObject({
      operation: 'set',
      outcome: 'ok',
      path,
      details: { rollbackOf: oldest.id },
    });
    expect(entry?.after).toMatchObject({ data: 'level=1\n' });
  });
});
