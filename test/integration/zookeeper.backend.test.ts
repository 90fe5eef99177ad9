import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { rejection } from './support/async-expect.js';

const driver = createZooKeeperDriver();
const PLAIN = { ephemeral: false, sequential: false, container: false };
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const b64 = (text: string): string => utf8(text).toString('base64');

async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const metaOf = (fields: Array<{ key: string; value: string }>, key: string): string | undefined =>
  fields.find((field) => field.key === key)?.value;

let server: ZooKeeperServer;
let session: BackendSession;
let other: BackendSession;

beforeAll(async () => {
  server = await startZooKeeper();
  [session, other] = await Promise.all([
    driver.connect(zooKeeperProfile(server.connectString)),
    driver.connect(zooKeeperProfile(server.connectString)),
  ]);
});

afterAll(async () => {
  await Promise.all([session?.close(), other?.close()]);
  await server?.stop();
});

describe('ZooKeeper driver: connect', () => {
  it('reports the server version and mode', () => {
    expect(session.server).toMatch(/^ZooKeeper 3\.8\.\d+ \(standalone\)$/);
  });

  it('works inside a chroot and returns paths relative to it', async () => {
    await session.create('/app', Buffer.alloc(0), PLAIN);
    const chrooted = await driver.connect(zooKeeperProfile([`${server.connectString}/app`]));
    try {
      expect((await chrooted.create('/inside', utf8('x'), PLAIN)).path).toBe('/inside');
      expect((await chrooted.create('/seq-', utf8('x'), { ...PLAIN, sequential: true })).path).toMatch(
        /^\/seq-\d{10}$/,
      );
      expect((await chrooted.create('/box', Buffer.alloc(0), { ...PLAIN, container: true })).path).toBe(
        '/box',
      );
      expect((await session.get('/app/inside', { maxBytes: 0 })).valueBase64).toBe(b64('x'));
      const page = await chrooted.listChildren('/', { cursor: null, limit: 10, filter: null });
      expect(page.entries.map((entry) => entry.path)).toContain('/inside');
    } finally {
      await chrooted.close();
    }
  });
});

describe('ZooKeeper driver: nodes', () => {
  it('shows the stat (zxids in hex, times, owner, data length) and the ACL; versions are the tokens', async () => {
    expect((await session.create('/crud', utf8('hello'), PLAIN)).path).toBe('/crud');
    const read = await session.get('/crud', { maxBytes: 0 });
    expect(read).toMatchObject({
      path: '/crud',
      hasValue: true,
      valueBase64: b64('hello'),
      size: 5,
      truncated: false,
      token: '0',
      childCount: 0,
    });
    expect(read.acls).toEqual([{ scheme: 'world', id: 'anyone', permissions: 'crwda' }]);
    expect(metaOf(read.meta, 'czxid')).toMatch(/^0x[0-9a-f]+$/);
    expect(metaOf(read.meta, 'mzxid')).toBe(metaOf(read.meta, 'czxid'));
    expect(Date.parse(metaOf(read.meta, 'ctime') ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(metaOf(read.meta, 'ephemeralOwner')).toBe('0x0');
    expect(metaOf(read.meta, 'dataLength')).toBe('5');

    const { node: written } = await session.set('/crud', utf8('hello, world'), '0');
    expect(written).toMatchObject({ token: '1', valueBase64: b64('hello, world'), size: 12 });
    const listed = await session.listChildren('/', { cursor: null, limit: 10, filter: 'crud' });
    expect(listed.entries).toEqual([expect.objectContaining({ name: 'crud', dataLength: 12 })]);
    expect(await session.delete('/crud', { recursive: false, token: '1' })).toMatchObject({ deleted: 1 });
  });

  it('reports the value each write replaced, read in the same flow', async () => {
    const before = (written: { before: Buffer | null }): string | null =>
      written.before?.toString('utf8') ?? null;
    await session.create('/before', Buffer.from('one'), PLAIN);
    const read = await session.get('/before', { maxBytes: 0 });
    // Someone else writes after our read: an unconditional save replaces their value, and says so.
    await other.set('/before', Buffer.from('theirs'), null);
    expect(before(await session.set('/before', Buffer.from('mine'), null))).toBe('theirs');
    const current = await session.get('/before', { maxBytes: 0 });
    expect(read.token).not.toBe(current.token);
    expect(before(await session.set('/before', Buffer.alloc(0), current.token))).toBe('mine');
    // An empty value is a value: it is what the next write replaced, not "no value".
    expect((await session.set('/before', Buffer.from('after empty'), null)).before).toEqual(Buffer.alloc(0));

    await session.create('/before/a', Buffer.from('a'), PLAIN);
    await session.create('/before/a/b', Buffer.from('b'), PLAIN);
    expect(before(await session.delete('/before/a/b', { recursive: false, token: null }))).toBe('b');
    await session.create('/before/c', Buffer.from('c'), PLAIN);
    const recursive = await session.delete('/before', { recursive: true, token: null });
    expect(recursive).toMatchObject({ deleted: 3 });
    expect(before(recursive)).toBe('after empty');
  });

  it('refuses a path ZooKeeper cannot name', async () => {
    expect((await rejection(session.get('/a/../b', { maxBytes: 0 }))).code).toBe('INVALID_INPUT');
  });

  it('stores values up to the server limit and refuses larger ones with TOO_LARGE', async () => {
    const big = Buffer.alloc(1_000_000, 7);
    await session.create('/big', big, PLAIN);
    const read = await session.get('/big', { maxBytes: 0 });
    expect(read.size).toBe(1_000_000);
    expect(Buffer.from(read.valueBase64, 'base64').equals(big)).toBe(true);
    const refused = await rejection(session.set('/big', Buffer.alloc(1024 * 1024), null));
    expect(refused.code).toBe('TOO_LARGE');
    expect(refused.message).toMatch(/1048576 bytes/);
    expect((await rejection(session.create('/bigger', Buffer.alloc(2 * 1024 * 1024), PLAIN))).code).toBe(
      'TOO_LARGE',
    );
    expect((await session.set('/big', utf8('small again'), null)).node.token).toBe('1');
  });
});

describe('ZooKeeper driver: create modes', () => {
  it('shows the session that owns an ephemeral node', async () => {
    const owner = await driver.connect(zooKeeperProfile(server.connectString));
    try {
      await owner.create('/ephemeral', utf8('alive'), { ...PLAIN, ephemeral: true });
      const seen = await session.get('/ephemeral', { maxBytes: 0 });
      expect(metaOf(seen.meta, 'ephemeralOwner')).toMatch(/^0x[0-9a-f]+$/);
      expect(metaOf(seen.meta, 'ephemeralOwner')).not.toBe('0x0');
    } finally {
      await owner.close();
    }
  });

  it('appends a sequence number to sequential nodes', async () => {
    await session.create('/queue', Buffer.alloc(0), PLAIN);
    const first = await session.create('/queue/item-', utf8('1'), { ...PLAIN, sequential: true });
    const second = await session.create('/queue/item-', utf8('2'), {
      ...PLAIN,
      sequential: true,
      ephemeral: true,
    });
    expect(first.path).toBe('/queue/item-0000000000');
    expect(second.path).toBe('/queue/item-0000000001');
  });

  it('lists a container as a plain node (the server reports no owner for it)', async () => {
    await session.create('/container', Buffer.alloc(0), { ...PLAIN, container: true });
    await session.create('/container/child', Buffer.alloc(0), PLAIN);
    const page = await session.listChildren('/', { cursor: null, limit: 100, filter: 'container' });
    expect(page.entries[0]?.ephemeral).toBe(false);
  });

  it('creates sequential TTL nodes, and refuses a TTL the server cannot hold', async () => {
    const sequential = await session.create('/ttl-seq-', Buffer.alloc(0), {
      ...PLAIN,
      sequential: true,
      ttlMs: 60_000,
    });
    expect(sequential.path).toMatch(/^\/ttl-seq-\d{10}$/);
    expect((await rejection(session.create('/x', Buffer.alloc(0), { ...PLAIN, ttlMs: 2 ** 40 }))).code).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('ZooKeeper driver: subtrees', () => {
  it('counts a subtree with every znode in it, and a recursive delete with a stale token deletes nothing', async () => {
    await session.create('/tree', Buffer.alloc(0), PLAIN);
    for (const branch of ['a', 'b', 'c']) {
      await session.create(`/tree/${branch}`, Buffer.alloc(0), PLAIN);
      for (const leaf of ['1', '2']) await session.create(`/tree/${branch}/${leaf}`, utf8(leaf), PLAIN);
    }
    expect(await session.countSubtree('/tree')).toBe(10);
    expect((await rejection(session.countSubtree('/no-tree'))).code).toBe('NOT_FOUND');
    const stale = await rejection(session.delete('/tree', { recursive: true, token: '5' }));
    expect(stale.code).toBe('CONFLICT');
    expect(await session.countSubtree('/tree')).toBe(10);
    expect(await session.delete('/tree', { recursive: true, token: '0' })).toMatchObject({ deleted: 10 });
  });

  it('pages through 2,000 children with a cursor, a filter and a total', async () => {
    await session.create('/many', Buffer.alloc(0), PLAIN);
    const names = Array.from({ length: 2000 }, (_, i) => `child-${String(i).padStart(4, '0')}`);
    await Promise.all(names.map((name) => session.create(`/many/${name}`, utf8(name), PLAIN)));
    await session.create('/many/child-0042/grandchild', Buffer.alloc(0), PLAIN);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await session.listChildren('/many', { cursor, limit: 500, filter: null });
      expect(page.total).toBe(2000);
      seen.push(...page.entries.map((entry) => entry.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(4);
    expect(seen).toEqual(names);

    const first = await session.listChildren('/many', { cursor: null, limit: 50, filter: null });
    expect(first.entries[42]).toMatchObject({
      name: 'child-0042',
      path: '/many/child-0042',
      childCount: 1,
      dataLength: 10,
    });

    const filtered = await session.listChildren('/many', { cursor: null, limit: 30, filter: 'CHILD-01' });
    expect(filtered.total).toBe(100);
    expect(filtered.entries.map((entry) => entry.name)).toEqual(names.slice(100, 130));
    const next = await session.listChildren('/many', {
      cursor: filtered.nextCursor,
      limit: 100,
      filter: 'CHILD-01',
    });
    expect(next.entries.map((entry) => entry.name)).toEqual(names.slice(130, 200));
    expect(next.nextCursor).toBeNull();

    // The cached listing follows changes made by another session (child watch).
    await other.create('/many/zzz', Buffer.alloc(0), PLAIN);
    const grown = await eventually(
      () => session.listChildren('/many', { cursor: null, limit: 1, filter: null }),
      (page) => page.total === 2001,
    );
    expect(grown.total).toBe(2001);
  });
});
