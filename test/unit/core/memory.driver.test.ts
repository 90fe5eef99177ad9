import { describe, expect, it } from 'vitest';
import type { NodeChange } from '../../../electron/core/backends/backend.js';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { rejection, until } from '../../integration/support/async-expect.js';
import { testProfile } from '../../servers/test-profile.js';

const PLAIN = { ephemeral: false, sequential: false, container: false };
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

// What the conformance suite does not ask of every store, but the in-memory one promises.
describe('in-memory driver', () => {
  it('keeps one store per endpoint, shared by its sessions', async () => {
    const driver = createMemoryDriver({ kind: 'etcd' });
    const [a, b, other] = await Promise.all(
      ['one.memory', 'one.memory', 'two.memory'].map((endpoint) =>
        driver.connect(testProfile('etcd', [endpoint])),
      ),
    );
    await a!.create('/k', utf8('v'), PLAIN);
    expect((await b!.get('/k', { maxBytes: 0 })).size).toBe(1);
    expect((await rejection(other!.get('/k', { maxBytes: 0 }))).code).toBe('NOT_FOUND');
  });

  it('connects to the first endpoint that is up, and refuses once every one is down', async () => {
    const driver = createMemoryDriver({ kind: 'etcd', endpoints: { 'down.memory': { state: 'down' } } });
    const session = await driver.connect(testProfile('etcd', ['down.memory', 'up.memory']));
    expect(session.server).toContain('up.memory');
    const refused = await rejection(driver.connect(testProfile('etcd', ['down.memory'])));
    expect(refused).toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('down.memory') });
  });

  it('refuses every call of a closed session with NOT_CONNECTED and stops its watches', async () => {
    const driver = createMemoryDriver({ kind: 'etcd' });
    const [session, writer] = await Promise.all([1, 2].map(() => driver.connect(testProfile('etcd', ['m']))));
    const changes: NodeChange[] = [];
    session!.watch('/w', { children: false }, (change) => changes.push(change));
    await session!.close();
    await writer!.create('/w', utf8('x'), PLAIN);
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual([]);
    expect((await rejection(session!.get('/w', { maxBytes: 0 }))).code).toBe('NOT_CONNECTED');
    expect((await rejection(session!.create('/x', utf8('x'), PLAIN))).code).toBe('NOT_CONNECTED');
  });

  it('gives no children to an ephemeral node, and removes a container with its last child', async () => {
    const driver = createMemoryDriver({ kind: 'zookeeper', modes: { ephemeral: true, container: true } });
    const session = await driver.connect(testProfile('zookeeper', ['zk']));
    const changes: NodeChange[] = [];
    session.watch('/box', { children: true }, (change) => changes.push(change));
    await session.create('/eph', utf8('x'), { ...PLAIN, ephemeral: true });
    expect((await rejection(session.create('/eph/child', utf8('x'), PLAIN))).code).toBe('INVALID_INPUT');
    await session.create('/box', Buffer.alloc(0), { ...PLAIN, container: true });
    await session.create('/box/a', utf8('a'), PLAIN);
    await session.delete('/box/a', { recursive: false, token: null });
    expect((await rejection(session.get('/box', { maxBytes: 0 }))).code).toBe('NOT_FOUND');
    await until(() => changes.length >= 4, 1000);
    expect(changes.map((change) => change.type)).toEqual(['created', 'children', 'children', 'deleted']);
  });

  it('lets a batch create a parent and its child where nodes need parents, and checks every guard first', async () => {
    const driver = createMemoryDriver({ kind: 'zookeeper' });
    const session = await driver.connect(testProfile('zookeeper', ['zk']));
    await session.batch!.apply([
      { op: 'create', path: '/p', value: Buffer.alloc(0) },
      { op: 'create', path: '/p/c', value: utf8('c') },
    ]);
    expect(await session.countSubtree('/p')).toBe(2);
    const { token } = await session.get('/p', { maxBytes: 0 });
    // A node with children cannot go by itself where nodes need their parents.
    const refused = rejection(session.batch!.apply([{ op: 'delete', path: '/p', token: token! }]));
    expect((await refused).code).toBe('CONFLICT');
    const orphan = rejection(session.batch!.apply([{ op: 'create', path: '/q/c', value: utf8('c') }]));
    expect((await orphan).code).toBe('CONFLICT');
    expect(await session.countSubtree('/p')).toBe(2);
  });

  it('refuses to stand in for a read-only kind', () => {
    expect(() => createMemoryDriver({ kind: 'snapshot' })).toThrow(/read-only/);
  });
});
