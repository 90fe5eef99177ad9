import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages } from '../conformance/pages.js';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createEtcdDriver } from '../../electron/core/backends/etcd/etcd.driver.js';
import { etcdProfile, startEtcd, type EtcdServer } from '../servers/etcd.server.js';

const PLAIN = { ephemeral: false, sequential: false, container: false };

let server: EtcdServer;
let session: BackendSession;
/** A second, independent client: "someone else" writing to the same cluster, and a fast seeder. */
let other: Etcd3;

/** Puts many keys in transactions of 100 (etcd allows 128 operations per transaction). */
async function seed(keys: string[], value = 'v'): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
  await Promise.all(
    batches.map((batch) =>
      other.kv.txn({
        success: batch.map((key) => ({ request_put: { key: Buffer.from(key), value: Buffer.from(value) } })),
      }),
    ),
  );
}

const utf8 = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');
const meta = (fields: { key: string; value: string }[], key: string): string | undefined =>
  fields.find((f) => f.key === key)?.value;

beforeAll(async () => {
  server = await startEtcd();
  other = new Etcd3({ hosts: `http://${server.endpoint}` });
  session = await createEtcdDriver().connect(etcdProfile([server.endpoint]));
});

afterAll(async () => {
  await session?.close();
  other?.close();
  await server?.stop();
});

describe('etcd driver against a real etcd', () => {
  it('connects and describes the server', () => {
    expect(session.server).toMatch(/^etcd 3\.\d+\.\d+$/);
  });

  it('shows version, revisions and lease as metadata; the token is the mod_revision', async () => {
    expect(await session.create('/crud/config', Buffer.from('hello'), PLAIN)).toEqual({
      path: '/crud/config',
    });
    const read = await session.get('/crud/config', { maxBytes: 0 });
    expect(read).toMatchObject({ hasValue: true, size: 5, truncated: false, acls: null, childCount: 0 });
    expect(utf8(read.valueBase64)).toBe('hello');
    expect(meta(read.meta, 'version')).toBe('1');
    expect(meta(read.meta, 'lease')).toBe('none');
    expect(read.token).toBe(meta(read.meta, 'mod_revision'));

    const { node: updated } = await session.set('/crud/config', Buffer.from('world'), read.token);
    expect(utf8(updated.valueBase64)).toBe('world');
    expect(Number(updated.token)).toBeGreaterThan(Number(read.token));
    expect(meta(updated.meta, 'version')).toBe('2');
    expect(meta(updated.meta, 'create_revision')).toBe(meta(read.meta, 'create_revision'));
  });

  it('reports the value each write replaced, read by the write itself', async () => {
    const before = (written: { before: Buffer | null }): string | null =>
      written.before?.toString('utf8') ?? null;
    // A key that did not exist: nothing replaced.
    expect(before(await session.set('/before/key', Buffer.from('one'), null))).toBeNull();
    const read = await session.get('/before/key', { maxBytes: 0 });
    // Someone else writes after our read: an unconditional save replaces their value, and says so.
    await other.put('/before/key').value('theirs');
    expect(before(await session.set('/before/key', Buffer.from('mine'), null))).toBe('theirs');
    const current = await session.get('/before/key', { maxBytes: 0 });
    expect(read.token).not.toBe(current.token);
    expect(before(await session.set('/before/key', Buffer.from(''), current.token))).toBe('mine');
    // An empty value is a value: it is what the next write replaced, not "no value".
    expect((await session.set('/before/key', Buffer.from('after empty'), null)).before).toEqual(
      Buffer.alloc(0),
    );
    expect(before(await session.delete('/before/key', { recursive: false, token: null }))).toBe(
      'after empty',
    );

    await seed(['/before/tree', '/before/tree/a', '/before/tree/b/c']);
    await other.put('/before/tree').value('root value');
    const recursive = await session.delete('/before/tree', { recursive: true, token: null });
    expect(recursive).toMatchObject({ deleted: 3 });
    expect(before(recursive)).toBe('root value');
    // A prefix without a key of its own had no value.
    await seed(['/before/folder/x', '/before/folder/y']);
    expect(await session.delete('/before/folder', { recursive: true, token: null })).toEqual({
      deleted: 2,
      before: null,
    });
  });

  it('stores the bytes of a value and the name of a key as they are, for any other etcd client', async () => {
    const binary = Buffer.from([0, 255, 254, 0x80, 0xc3, 0x28, 10, 0]);
    await session.create('/naïve space/ключ', binary, PLAIN);
    expect((await other.get('/naïve space/ключ').buffer())?.equals(binary)).toBe(true);
  });

  it('shows a key that is also a prefix once, across pages, even when keys sort between it and its folder', async () => {
    await seed(['/mix/a', '/mix/a!b', '/mix/a/c1', '/mix/a/c2', '/mix/b/deep/z']);
    const whole = await session.listChildren('/mix', { cursor: null, limit: 500, filter: null });
    expect(whole.total).toBe(3);
    expect(whole.nextCursor).toBeNull();
    expect(whole.entries).toEqual([
      { name: 'a', path: '/mix/a', hasValue: true, childCount: 2, dataLength: null, ephemeral: false },
      { name: 'a!b', path: '/mix/a!b', hasValue: true, childCount: 0, dataLength: null, ephemeral: false },
      { name: 'b', path: '/mix/b', hasValue: false, childCount: 1, dataLength: null, ephemeral: false },
    ]);
    const paged = await allPages(session, '/mix', 1);
    expect(paged.entries.map((e) => e.name)).toEqual(['a', 'a!b', 'b']);
    const folder = await session.get('/mix/b', { maxBytes: 0 });
    expect(folder).toMatchObject({ hasValue: false, valueBase64: '', token: null, childCount: 1 });
    expect(await session.get('/mix/a', { maxBytes: 0 })).toMatchObject({ hasValue: true, childCount: 2 });
  });

  it('takes the token 0 as "must not exist yet"', async () => {
    await session.create('/cas/key', Buffer.from('mine'), PLAIN);
    await other.put('/cas/key').value('theirs');
    await expect(session.set('/cas/key', Buffer.from('new'), '0')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await other.get('/cas/key').string()).toBe('theirs');
    const { node: created } = await session.set('/cas/fresh', Buffer.from('new'), '0');
    expect(utf8(created.valueBase64)).toBe('new');
  });

  it('creates a key with a lease, shows the lease and keeps it on set', async () => {
    await session.create('/lease/tmp', Buffer.from('short-lived'), { ...PLAIN, leaseTtlSec: 30 });
    const read = await session.get('/lease/tmp', { maxBytes: 0 });
    expect(meta(read.meta, 'lease')).toMatch(/^[0-9a-f]+$/);
    expect(meta(read.meta, 'lease_granted_ttl')).toBe('30 s');
    expect(meta(read.meta, 'lease_ttl')).toMatch(/^(29|30) s$/);
    const { node: updated } = await session.set('/lease/tmp', Buffer.from('still short'), read.token);
    expect(meta(updated.meta, 'lease')).toBe(meta(read.meta, 'lease'));
  });

  it('pages a level of 3,000 direct keys with cursors and filters on names', async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `/many/k${String(i).padStart(4, '0')}`);
    await seed(keys);
    const first = await session.listChildren('/many', { cursor: null, limit: 500, filter: null });
    expect(first.entries).toHaveLength(500);
    expect(first.entries[0]).toEqual({
      name: 'k0000',
      path: '/many/k0000',
      hasValue: true,
      childCount: 0,
      dataLength: null,
      ephemeral: false,
    });
    const { entries, pages } = await allPages(session, '/many', 500);
    expect(pages).toBe(6);
    expect(entries.map((e) => e.path)).toEqual(keys);
    const filtered = await session.listChildren('/many', { cursor: null, limit: 500, filter: 'K29' });
    expect(filtered.entries.map((e) => e.name)).toEqual(
      keys.slice(2900).map((k) => k.slice('/many/'.length)),
    );
    expect(filtered.total).toBe(100);
    expect((await allPages(session, '/many', 30, 'k1')).entries).toHaveLength(1000);
    await expect(
      session.listChildren('/many', { cursor: 'garbage', limit: 10, filter: null }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await session.countSubtree('/many')).toBe(3000);
  });

  it('opens a level with 100,000 direct keys: the first page of 500 comes fast', async () => {
    await seed(Array.from({ length: 100_000 }, (_, i) => `/huge/k${String(i).padStart(6, '0')}`));
    const started = Date.now();
    const page = await session.listChildren('/huge', { cursor: null, limit: 500, filter: null });
    const elapsed = Date.now() - started;
    expect(page.entries).toHaveLength(500);
    expect(page.entries.at(-1)?.name).toBe('k000499');
    expect(page.nextCursor).not.toBeNull();
    expect(elapsed).toBeLessThan(1000);
    const second = await session.listChildren('/huge', { cursor: page.nextCursor, limit: 500, filter: null });
    expect(second.entries[0]?.name).toBe('k000500');
    const root = await session.listChildren('/', { cursor: null, limit: 500, filter: 'huge' });
    expect(root.entries).toEqual([
      {
        name: 'huge',
        path: '/huge',
        hasValue: false,
        childCount: 100_000,
        dataLength: null,
        ephemeral: false,
      },
    ]);
  });

  it('lists each folder of a level once with the number of keys below it, however many it holds', async () => {
    const keys: string[] = [];
    for (let f = 0; f < 20; f++) {
      for (let k = 0; k < 150; k++) keys.push(`/folders/f${String(f).padStart(2, '0')}/k${k}`);
    }
    // Two folders bigger than a whole scan batch, one of them nested: the scan skips past them.
    for (let k = 0; k < 2500; k++) keys.push(`/folders/g-big/k${k}`, `/folders/h-nested/sub${k % 10}/k${k}`);
    await seed(keys);
    const page = await session.listChildren('/folders', { cursor: null, limit: 500, filter: null });
    expect(page.entries).toHaveLength(22);
    expect(page.total).toBe(22);
    for (const entry of page.entries.slice(0, 20))
      expect(entry).toMatchObject({ hasValue: false, childCount: 150 });
    expect(page.entries.slice(20)).toMatchObject([
      { name: 'g-big', hasValue: false, childCount: 2500 },
      { name: 'h-nested', hasValue: false, childCount: 2500 },
    ]);
    expect(
      (await session.listChildren('/folders/h-nested', { cursor: null, limit: 500, filter: null })).entries,
    ).toHaveLength(10);
    const paged = await allPages(session, '/folders', 7);
    expect(paged.pages).toBe(4);
    expect(paged.entries.map((e) => e.name)).toEqual(page.entries.map((e) => e.name));
  });

  it('gives every child of a level larger than a page its right count and value flag, at any page size', async () => {
    // Counts are taken from the keys a page scan read when it read all of a child's folder, and asked
    // of etcd otherwise: every page size puts the page ends (and the batch ends) somewhere else.
    const keys: string[] = [];
    for (let i = 0; i < 700; i++) {
      const name = `/mixed/n${String(i).padStart(3, '0')}`;
      if (i % 7 !== 3) keys.push(name); // most are keys, some only folders
      if (i % 5 === 0) keys.push(`${name}!x`); // sorts between a key and its folder
      if (i % 5 === 0 || i % 7 === 3) for (let k = 0; k < i % 4; k++) keys.push(`${name}/c${k}`);
      if (i % 7 === 3) keys.push(`${name}/last`); // every folder-only child has at least one key below
      if (i === 350) for (let k = 0; k < 1200; k++) keys.push(`${name}/big/k${k}`); // past a whole batch
    }
    await seed(keys);
    // A child is listed where its first key sorts: a folder-only `n010` after the key `n010!x`.
    const expected = new Map<string, { hasValue: boolean; childCount: number }>();
    const sorted = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    for (const key of sorted) {
      const rest = key.slice('/mixed/'.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      const child = expected.get(name) ?? { hasValue: false, childCount: 0 };
      if (slash < 0) child.hasValue = true;
      else child.childCount += 1;
      expected.set(name, child);
    }
    const want = [...expected.entries()].map(([name, child]) => ({ name, ...child }));
    expect(want.length).toBe(840);
    for (const limit of [500, 137, 64, 1]) {
      const { entries } = await allPages(session, '/mixed', limit);
      expect(
        entries.map(({ name, hasValue, childCount }) => ({ name, hasValue, childCount })),
        `limit ${limit}`,
      ).toEqual(want);
    }
    const folder = await session.listChildren('/mixed', { cursor: null, limit: 500, filter: 'n350' });
    expect(folder.entries).toMatchObject([
      { name: 'n350', hasValue: true, childCount: 1202 },
      { name: 'n350!x', hasValue: true, childCount: 0 },
    ]);
  });

  it('deletes a key with the keys below it, not the keys that merely share its prefix', async () => {
    await seed(['/rm', '/rm/a', '/rm/b', '/rm/c', '/rm/a/x', '/rm/a/y', '/rm/b/z/deep', '/rmx/keep']);
    expect(await session.countSubtree('/rm')).toBe(7);
    expect(await session.delete('/rm', { recursive: true, token: null })).toMatchObject({ deleted: 7 });
    expect(await other.get('/rmx/keep').string()).toBe('v');
  });

  it('round-trips a 1 MiB value and names the server limit when a value passes it', async () => {
    const big = Buffer.alloc(1024 * 1024, 7);
    await session.create('/big/one-mib', big, PLAIN);
    const whole = await session.get('/big/one-mib', { maxBytes: 0 });
    expect(whole.size).toBe(big.length);
    expect(Buffer.from(whole.valueBase64, 'base64').equals(big)).toBe(true);
    const tooBig = await session
      .set('/big/one-mib', Buffer.alloc(1.6 * 1024 * 1024), whole.token)
      .catch((e: unknown) => e);
    expect(tooBig).toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/larger than the etcd server accepts/),
    });
  });

  it('shows keys without a leading slash under a synthetic folder', async () => {
    await seed(['plain/key', 'plain/other', 'solo']);
    const root = await session.listChildren('/', { cursor: null, limit: 500, filter: null });
    expect(root.entries[0]).toMatchObject({
      name: '(no leading slash)',
      path: '/(no leading slash)',
      hasValue: false,
      childCount: 3,
    });
    const folder = await session.listChildren('/(no leading slash)', {
      cursor: null,
      limit: 500,
      filter: null,
    });
    expect(folder.entries.map((e) => [e.name, e.hasValue, e.childCount])).toEqual([
      ['plain', false, 2],
      ['solo', true, 0],
    ]);
    const read = await session.get('/(no leading slash)/plain/key', { maxBytes: 0 });
    await session.set('/(no leading slash)/plain/key', Buffer.from('changed'), read.token);
    expect(await other.get('plain/key').string()).toBe('changed');
    await expect(
      session.delete('/(no leading slash)', { recursive: true, token: null }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
