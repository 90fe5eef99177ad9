import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Perm,
  ZkCode,
  ZkError,
  ZkMultiError,
  ZkRequestTooLargeError,
  type ZkClient,
  type ZkWatchEvent,
} from '../../electron/core/backends/zookeeper/client/index.js';
import { digestAclId } from '../../electron/core/backends/zookeeper/zookeeper.acl.js';
import { fourLetterWord, startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { until } from './support/async-expect.js';
import { connectedZkClient } from './support/zk-client.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let server: ZooKeeperServer;
let client: ZkClient;

beforeAll(async () => {
  server = await startZooKeeper({ superDigest: digestAclId('super', 'admin') });
  client = await connectedZkClient(server.connectString);
});

afterAll(async () => {
  await client?.close();
  await server?.stop();
});

describe('ZooKeeper client: operations on a real 3.8 server', () => {
  it('creates in every mode with the stat, and with the ACL given', async () => {
    const root = await client.create('/modes', Buffer.alloc(0));
    expect(root.stat.version).toBe(0);
    const made = await Promise.all([
      client.create('/modes/p', utf8('p')),
      client.create('/modes/ps-', utf8('ps'), { mode: 'persistentSequential' }),
      client.create('/modes/e', utf8('e'), { mode: 'ephemeral' }),
      client.create('/modes/es-', utf8('es'), { mode: 'ephemeralSequential' }),
      client.create('/modes/c', utf8('c'), { mode: 'container' }),
      client.create('/modes/t', utf8('t'), { mode: 'persistentWithTtl', ttlMs: 60_000 }),
      client.create('/modes/ts-', utf8('ts'), { mode: 'persistentSequentialWithTtl', ttlMs: 60_000 }),
    ]);
    expect(made.map((created) => created.path.replace(/\d{10}$/, 'N'))).toEqual([
      '/modes/p',
      '/modes/ps-N',
      '/modes/e',
      '/modes/es-N',
      '/modes/c',
      '/modes/t',
      '/modes/ts-N',
    ]);
    for (const created of made) expect(created.stat.dataLength).toBeGreaterThan(0);
    expect(made[2]!.stat.ephemeralOwner).toBe(client.sessionId);
    expect(made[0]!.stat.ephemeralOwner).toBe(0n);
    expect((await client.getEphemerals('/modes')).sort()).toEqual([made[2]!.path, made[3]!.path].sort());

    const acl = [
      { perms: Perm.all, id: { scheme: 'digest', id: digestAclId('alice', 'pw') } },
      { perms: Perm.admin, id: { scheme: 'world', id: 'anyone' } },
    ];
    await client.create('/modes/guarded', utf8('g'), { acl });
    expect((await client.getACL('/modes/guarded')).acl).toEqual(acl);
    expect(await rejected(client.getData('/modes/guarded'))).toMatchObject({ code: ZkCode.NO_AUTH });
  });

  it('guards a multi by version exactly: 0 is version 0, -1 is any version', async () => {
    await client.create('/multi', utf8('v0'));
    const results = await client.multi([
      { op: 'check', path: '/multi', version: 0 },
      { op: 'create', path: '/multi/child', data: utf8('c') },
    ]);
    expect(results[0]).toEqual({ op: 'check' });
    expect(results[1]).toMatchObject({ op: 'create', path: '/multi/child' });
    await client.setData('/multi', utf8('v1'), 0);

    const failure = await rejected(
      client.multi([
        { op: 'setData', path: '/multi/child', data: utf8('never'), version: -1 },
        { op: 'setData', path: '/multi', data: utf8('stale'), version: 0 },
      ]),
    );
    expect(failure).toBeInstanceOf(ZkMultiError);
    expect(failure).toMatchObject({ code: ZkCode.BAD_VERSION, index: 1, path: '/multi' });
    expect((await client.getData('/multi/child')).data.toString()).toBe('c');

    await client.multi([{ op: 'setData', path: '/multi', data: utf8('any'), version: -1 }]);
    expect((await client.getData('/multi')).stat.version).toBe(2);
  });

  it('answers multiRead, sync, getAllChildrenNumber, whoAmI and getConfig', async () => {
    await client.create('/reads', utf8('r'));
    await client.create('/reads/a', Buffer.alloc(0));
    await client.create('/reads/a/b', Buffer.alloc(0));
    const read = await client.multiRead([
      { op: 'getData', path: '/reads' },
      { op: 'getChildren', path: '/reads' },
      { op: 'getData', path: '/reads/missing' },
    ]);
    expect(read[0]).toMatchObject({ op: 'getData', data: utf8('r') });
    expect(read[1]).toEqual({ op: 'getChildren', children: ['a'] });
    expect(read[2]).toEqual({ op: 'error', code: ZkCode.NO_NODE });
    expect(await client.sync('/reads')).toBe('/reads');
    expect(await client.getAllChildrenNumber('/reads')).toBe(2);
    expect(await client.whoAmI()).toEqual([{ authScheme: 'ip', user: '127.0.0.1' }]);
    const config = await client.getConfig();
    expect(config.stat.czxid).toBeGreaterThanOrEqual(0n);
  });

  it('maps server errors to typed errors and refuses a request over the server limit unsent', async () => {
    expect(await rejected(client.getData('/nowhere'))).toMatchObject({
      code: ZkCode.NO_NODE,
      codeName: 'NO_NODE',
    });
    expect(await rejected(client.create('/nowhere/child', Buffer.alloc(0)))).toBeInstanceOf(ZkError);
    await client.create('/big', Buffer.alloc(0));
    const tooLarge = await rejected(client.setData('/big', Buffer.alloc(1024 * 1024)));
    expect(tooLarge).toBeInstanceOf(ZkRequestTooLargeError);
    expect((tooLarge as ZkRequestTooLargeError).limit).toBe(0xfffff);
    expect(client.state).toBe('connected');
    await client.setData('/big', Buffer.alloc(1024 * 1000));
    expect((await client.getData('/big')).data.length).toBe(1024 * 1000);
  });

  it('replays digest auth on a new connection', async () => {
    const alice = await connectedZkClient(server.connectString, {
      auth: [{ scheme: 'digest', auth: utf8('alice:pw') }],
    });
    try {
      await alice.create('/alice', utf8('mine'), {
        acl: [{ perms: Perm.all, id: { scheme: 'digest', id: digestAclId('alice', 'pw') } }],
      });
      expect(await alice.whoAmI()).toContainEqual({ authScheme: 'digest', user: 'alice' });
      await server.restart();
      await until(() => alice.state === 'connected', 15_000);
      expect((await alice.getData('/alice')).data.toString()).toBe('mine');
    } finally {
      await alice.close();
    }
    await client.connected({ timeoutMs: 15_000 });
  });
});

describe('ZooKeeper client: watches', () => {
  it('sees create, set and delete three levels down with a persistent recursive watch, until removed', async () => {
    await client.create('/tree', Buffer.alloc(0));
    const events: ZkWatchEvent[] = [];
    const watcher = (event: ZkWatchEvent): void => void events.push(event);
    await client.addWatch('/tree', 'persistentRecursive', watcher);
    await client.create('/tree/a', Buffer.alloc(0));
    await client.create('/tree/a/b', Buffer.alloc(0));
    await client.create('/tree/a/b/c', utf8('1'));
    await client.setData('/tree/a/b/c', utf8('2'));
    await client.delete('/tree/a/b/c');
    await until(() => events.length >= 5, 5000);
    expect(events.map(({ type, path }) => `${type} ${path}`)).toEqual([
      'created /tree/a',
      'created /tree/a/b',
      'created /tree/a/b/c',
      'dataChanged /tree/a/b/c',
      'deleted /tree/a/b/c',
    ]);
    await client.removeWatches('/tree', 'persistentRecursive', watcher);
    expect(events.at(-1)).toMatchObject({ type: 'persistentWatchRemoved', path: '/tree' });
    const count = events.length;
    await client.setData('/tree/a/b', utf8('after'));
    await client.create('/tree/a/d', Buffer.alloc(0));
    // A one-shot watch set after the change proves the server had time to send anything it still would.
    await client.getData('/tree/a/b');
    expect(events).toHaveLength(count);
    expect(await fourLetterWord(server.port, 'wchc')).not.toContain('/tree\n');
  });

  it('keeps a one-shot watch on the same path when a persistent watch there is removed', async () => {
    await client.create('/both', utf8('0'));
    const oneShot: ZkWatchEvent[] = [];
    const persistent = (): void => undefined;
    await client.getData('/both', { watch: (event) => oneShot.push(event) });
    await client.addWatch('/both', 'persistent', persistent);
    await client.removeWatches('/both', 'persistent', persistent);
    await client.setData('/both', utf8('1'));
    await until(() => oneShot.length > 0, 5000);
    expect(oneShot).toEqual([{ type: 'dataChanged', path: '/both', zxid: null }]);
  });
});
