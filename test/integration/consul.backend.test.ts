import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages } from '../conformance/pages.js';
import type { ChildEntry } from '../../shared/model/node.js';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

const PLAIN = { ephemeral: false, sequential: false, container: false };

let server: ConsulServer;
let session: BackendSession;

/** "Someone else": Consul's HTTP API called directly, without the driver. */
async function consul(method: string, path: string, body?: string | Buffer): Promise<Response> {
  const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
  const response = await fetch(`http://${server.endpoint}${path}`, { method, body: payload });
  if (!response.ok && response.status !== 404) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  }
  return response;
}

const url = (key: string): string => `/v1/kv/${key.split('/').map(encodeURIComponent).join('/')}`;
const put = (key: string, value: string | Buffer, query = ''): Promise<Response> =>
  consul('PUT', `${url(key)}${query}`, value);
async function raw(key: string): Promise<Buffer | null> {
  const response = await consul('GET', `${url(key)}?raw`);
  return response.status === 404 ? null : Buffer.from(await response.arrayBuffer());
}

/** Writes many keys with transactions of 64 (Consul's limit), eight at a time. */
async function seed(keys: string[], value = 'v'): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 64) batches.push(keys.slice(i, i + 64));
  const encoded = Buffer.from(value).toString('base64');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await consul(
        'PUT',
        '/v1/txn',
        JSON.stringify(batch.map((Key) => ({ KV: { Verb: 'set', Key, Value: encoded } }))),
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

const utf8 = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');
const meta = (fields: { key: string; value: string }[], key: string): string | undefined =>
  fields.find((f) => f.key === key)?.value;
const entry = (name: string, path: string, hasValue: boolean, childCount: number): ChildEntry => ({
  name,
  path,
  hasValue,
  childCount,
  dataLength: null,
  ephemeral: false,
  lockSession: null,
});

beforeAll(async () => {
  server = await startConsul();
  session = await createConsulDriver().connect(consulProfile([server.endpoint]));
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Consul driver: KV against a real Consul agent', () => {
  it('connects and describes the agent', () => {
    expect(session.server).toMatch(/^consul \d+\.\d+\.\d+/);
  });

  it('shows key, flags and session as metadata; the token is the ModifyIndex; the value lands at the key', async () => {
    expect(await session.create('/crud/config', Buffer.from('hello'), PLAIN)).toEqual({
      path: '/crud/config',
    });
    const read = await session.get('/crud/config', { maxBytes: 0 });
    expect(read).toMatchObject({ hasValue: true, size: 5, truncated: false, acls: null, childCount: 0 });
    expect(utf8(read.valueBase64)).toBe('hello');
    expect(read.token).toBe(meta(read.meta, 'modify_index'));
    expect(meta(read.meta, 'key')).toBe('crud/config');
    expect(meta(read.meta, 'flags')).toBe('0');
    expect(meta(read.meta, 'session')).toBe('none');

    const { node: updated } = await session.set('/crud/config', Buffer.from('world'), read.token);
    expect(utf8(updated.valueBase64)).toBe('world');
    expect(Number(updated.token)).toBeGreaterThan(Number(read.token));
    expect(meta(updated.meta, 'create_index')).toBe(meta(read.meta, 'create_index'));
    expect((await raw('crud/config'))?.toString()).toBe('world');
    await expect(session.set('/', Buffer.from('x'), null)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('shows a folder key `a/` as the folder node with its value, beside its children', async () => {
    await put('folder/', 'folder value');
    await put('folder/child', 'c');
    await put('folder/sub/', '');
    const root = await session.listChildren('/', { cursor: null, limit: 500, filter: 'folder' });
    expect(root.entries).toEqual([entry('folder', '/folder', true, 2)]);
    const folder = await session.get('/folder', { maxBytes: 0 });
    expect(folder).toMatchObject({ hasValue: true, childCount: 2 });
    expect(utf8(folder.valueBase64)).toBe('folder value');
    expect(meta(folder.meta, 'key')).toBe('folder/');
    expect(
      (await session.listChildren('/folder', { cursor: null, limit: 500, filter: null })).entries,
    ).toEqual([entry('child', '/folder/child', true, 0), entry('sub', '/folder/sub', true, 0)]);

    const { node: saved } = await session.set('/folder', Buffer.from('new folder value'), folder.token);
    expect((await raw('folder/'))?.toString()).toBe('new folder value');
    expect(await raw('folder')).toBeNull();
    await expect(session.create('/folder', Buffer.from('x'), PLAIN)).rejects.toMatchObject({
      code: 'NODE_EXISTS',
    });
    await expect(session.delete('/folder', { recursive: false, token: saved.token })).rejects.toMatchObject({
      code: 'NOT_EMPTY',
    });

    // Both `folder` and `folder/` exist: the node shows the plain key; deleting the leaf removes both.
    await put('folder', 'plain value');
    const both = await session.get('/folder', { maxBytes: 0 });
    expect(utf8(both.valueBase64)).toBe('plain value');
    expect(meta(both.meta, 'key')).toBe('folder');
    expect(await session.delete('/folder/sub', { recursive: false, token: null })).toMatchObject({
      deleted: 1,
    });
    await put('lone', 'plain');
    await put('lone/', 'folder');
    expect(await session.delete('/lone', { recursive: false, token: null })).toMatchObject({ deleted: 2 });
    expect([await raw('lone'), await raw('lone/')]).toEqual([null, null]);

    // A pure folder (keys below, none of its own) has no value until one is created.
    await put('pure/x', '1');
    expect(await session.get('/pure', { maxBytes: 0 })).toMatchObject({
      hasValue: false,
      valueBase64: '',
      token: null,
      meta: [],
      childCount: 1,
    });
    await session.create('/pure', Buffer.from('now a key'), PLAIN);
    expect((await raw('pure'))?.toString()).toBe('now a key');
  });

  it('reports the value each write replaced, read in the same operation', async () => {
    const before = (written: { before: Buffer | null }): string | null =>
      written.before?.toString('utf8') ?? null;
    // A key that did not exist: nothing replaced.
    expect(before(await session.set('/before/key', Buffer.from('one'), null))).toBeNull();
    const read = await session.get('/before/key', { maxBytes: 0 });
    // Someone else writes after our read: an unconditional save replaces their value, and says so.
    await put('before/key', 'theirs');
    expect(before(await session.set('/before/key', Buffer.from('mine'), null))).toBe('theirs');
    const current = await session.get('/before/key', { maxBytes: 0 });
    expect(read.token).not.toBe(current.token);
    expect(before(await session.set('/before/key', Buffer.alloc(0), current.token))).toBe('mine');
    // An empty value is a value: it is what the next write replaced, not "no value".
    expect((await session.set('/before/key', Buffer.from('after empty'), null)).before).toEqual(
      Buffer.alloc(0),
    );
    expect(before(await session.delete('/before/key', { recursive: false, token: null }))).toBe(
      'after empty',
    );
    // The folder key `a/` holds the value of a node without the key `a`.
    await put('before/folder/', 'folder value');
    expect(before(await session.set('/before/folder', Buffer.from('new folder value'), null))).toBe(
      'folder value',
    );

    await put('before/tree', 'root value');
    await seed(['before/tree/a', 'before/tree/b/c']);
    const recursive = await session.delete('/before/tree', { recursive: true, token: null });
    expect(recursive).toMatchObject({ deleted: 3 });
    expect(before(recursive)).toBe('root value');
    // A prefix without a key of its own had no value.
    await seed(['before/prefix/x', 'before/prefix/y']);
    expect(await session.delete('/before/prefix', { recursive: true, token: null })).toEqual({
      deleted: 2,
      before: null,
    });
  });

  it('stores the bytes of a value and the name of a key (URL punctuation too) as they are, for any HTTP client', async () => {
    const binary = Buffer.from([0, 255, 254, 0x80, 0xc3, 0x28, 10, 0]);
    await session.create('/naïve space/ключ', binary, PLAIN);
    await session.create('/naïve space/a?b#c%d+e', Buffer.from('odd'), PLAIN);
    expect((await raw('naïve space/ключ'))?.equals(binary)).toBe(true);
    expect((await raw('naïve space/a?b#c%d+e'))?.toString()).toBe('odd');
    const read = await session.get('/naïve space/ключ', { maxBytes: 0 });
    await session.set('/naïve space/ключ', Buffer.from([1, 2, 3]), read.token);
    expect((await raw('naïve space/ключ'))?.equals(Buffer.from([1, 2, 3]))).toBe(true);
  });

  it('takes the token 0 as "must not exist yet", and a token of a key deleted since as a conflict', async () => {
    await session.create('/cas/key', Buffer.from('mine'), PLAIN);
    const read = await session.get('/cas/key', { maxBytes: 0 });
    await put('cas/key', 'theirs');
    await expect(session.set('/cas/key', Buffer.from('new'), '0')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await raw('cas/key'))?.toString()).toBe('theirs');
    await consul('DELETE', url('cas/key'));
    await expect(session.set('/cas/key', Buffer.from('late'), read.token)).rejects.toMatchObject({
      code: 'CONFLICT',
      conflict: { currentValueBase64: null, currentToken: null },
    });
    const { node: created } = await session.set('/cas/fresh', Buffer.from('new'), '0');
    expect(utf8(created.valueBase64)).toBe('new');
  });

  it('shows flags, including all 64 bits, and keeps them on save', async () => {
    await put('flags/small', 'v', '?flags=42');
    await put('flags/max', 'v', '?flags=18446744073709551615');
    const small = await session.get('/flags/small', { maxBytes: 0 });
    expect(meta(small.meta, 'flags')).toBe('42');
    const max = await session.get('/flags/max', { maxBytes: 0 });
    expect(meta(max.meta, 'flags')).toBe('18446744073709551615');
    await session.set('/flags/max', Buffer.from('changed'), max.token);
    await session.set('/flags/small', Buffer.from('changed'), null);
    expect(await (await consul('GET', url('flags/max'))).text()).toContain('"Flags":18446744073709551615');
    expect(meta((await session.get('/flags/small', { maxBytes: 0 })).meta, 'flags')).toBe('42');
  });

  it('shows which session on which node holds the lock of a key', async () => {
    const created = (await (
      await consul('PUT', '/v1/session/create', JSON.stringify({ Name: 'deploy-lock' }))
    ).json()) as {
      ID: string;
    };
    const self = (await (await consul('GET', '/v1/agent/self')).json()) as { Config: { NodeName: string } };
    try {
      await put('locks/leader', 'me', `?acquire=${created.ID}`);
      const read = await session.get('/locks/leader', { maxBytes: 0 });
      expect(meta(read.meta, 'session')).toBe(
        `session ${created.ID} on node ${self.Config.NodeName} (deploy-lock)`,
      );
      expect(meta(read.meta, 'lock_index')).toBe('1');
    } finally {
      await consul('PUT', `/v1/session/destroy/${created.ID}`);
    }
    expect(meta((await session.get('/locks/leader', { maxBytes: 0 })).meta, 'session')).toBe('none');
  });

  it('deletes a key with its folder key and the keys below, not the keys that merely share its prefix', async () => {
    await seed(['rm', 'rm/', 'rm/a', 'rm/b', 'rm/a/x', 'rm/a/y', 'rm/b/z/deep', 'rmx/keep']);
    expect(await session.countSubtree('/rm')).toBe(7);
    expect(await session.delete('/rm', { recursive: true, token: null })).toMatchObject({ deleted: 7 });
    await expect(session.get('/rm', { maxBytes: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await raw('rmx/keep'))?.toString()).toBe('v');
    await expect(session.delete('/rm', { recursive: true, token: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pages a level of 3,000 keys with cursors and filters on names', async () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `many/k${String(i).padStart(4, '0')}`);
    await seed([...keys, 'many/k0001/below']);
    const first = await session.listChildren('/many', { cursor: null, limit: 500, filter: null });
    expect(first.entries).toHaveLength(500);
    expect(first.total).toBe(3000);
    expect(first.entries.slice(0, 2)).toEqual([
      entry('k0000', '/many/k0000', true, 0),
      entry('k0001', '/many/k0001', true, 1),
    ]);
    const { entries, pages } = await allPages(session, '/many', 500);
    expect(pages).toBe(6);
    expect(entries.map((e) => e.path)).toEqual(keys.map((k) => `/${k}`));
    const filtered = await session.listChildren('/many', { cursor: null, limit: 500, filter: 'K29' });
    expect(filtered.total).toBe(100);
    expect(filtered.entries.map((e) => e.name)).toEqual(keys.slice(2900).map((k) => k.slice('many/'.length)));
    expect((await allPages(session, '/many', 30, 'k1')).entries).toHaveLength(1000);
    await expect(
      session.listChildren('/many', { cursor: 'garbage', limit: 10, filter: null }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await session.countSubtree('/many')).toBe(3001);
  });

  it('gives every child of a level larger than a page its count, value flag and lock, at any page size', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const name = `paged/n${String(i).padStart(4, '0')}`;
      if (i % 7 !== 3) keys.push(name); // most are keys, some only folders
      if (i % 5 === 0) keys.push(`${name}!x`); // sorts between a key and its folder
      if (i % 5 === 0 || i % 7 === 3) for (let k = 0; k <= i % 3; k++) keys.push(`${name}/c${k}`);
      if (i % 11 === 3) keys.push(`${name}/`); // a folder key: the value of a folder-only child
      if (i % 13 === 0) keys.push(`${name}/deep/k`); // a folder below counts as one child
    }
    await seed(keys);
    const named = new Map<string, { hasValue: boolean; below: Set<string> }>();
    for (const key of keys) {
      const rest = key.slice('paged/'.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      const child = named.get(name) ?? { hasValue: false, below: new Set<string>() };
      const under = slash < 0 ? null : rest.slice(slash + 1).split('/')[0]!;
      if (under === null || under === '') child.hasValue = true;
      else child.below.add(under);
      named.set(name, child);
    }
    const want = [...named.keys()].sort().map((name) => ({
      name,
      hasValue: named.get(name)!.hasValue,
      childCount: named.get(name)!.below.size,
    }));
    expect(want.length).toBe(1440);
    for (const limit of [500, 137, 50]) {
      const { entries, pages } = await allPages(session, '/paged', limit);
      expect(pages).toBe(Math.ceil(1440 / limit));
      expect(
        entries.map(({ name, hasValue, childCount }) => ({ name, hasValue, childCount })),
        `limit ${limit}`,
      ).toEqual(want);
    }

    // A lock on a key of the last page shows there; one taken later shows once the level is listed again.
    const created = (await (await consul('PUT', '/v1/session/create', '{}')).json()) as { ID: string };
    try {
      await put('paged/n1199', 'mine', `?acquire=${created.ID}`);
      const locked = (await allPages(session, '/paged', 500)).entries.filter((e) => e.lockSession);
      expect(locked.map((e) => [e.name, e.lockSession])).toEqual([['n1199', created.ID]]);
      const first = await session.listChildren('/paged', { cursor: null, limit: 500, filter: null });
      expect(first.entries.every((e) => e.lockSession === null)).toBe(true);
      await put('paged/n0001', 'mine', `?acquire=${created.ID}`);
      const relisted = await session.listChildren('/paged', { cursor: null, limit: 500, filter: null });
      expect(relisted.entries.filter((e) => e.lockSession).map((e) => e.name)).toEqual(['n0001']);
    } finally {
      await consul('PUT', `/v1/session/destroy/${created.ID}`);
    }
  });

  it('opens a level with 100,000 keys: the first page of 500 comes fast', async () => {
    await seed(Array.from({ length: 100_000 }, (_, i) => `huge/k${String(i).padStart(6, '0')}`));
    const started = Date.now();
    const page = await session.listChildren('/huge', { cursor: null, limit: 500, filter: null });
    const elapsed = Date.now() - started;
    expect(page.entries).toHaveLength(500);
    expect(page.total).toBe(100_000);
    expect(page.entries.at(-1)?.name).toBe('k000499');
    expect(elapsed).toBeLessThan(2000);
    const second = await session.listChildren('/huge', { cursor: page.nextCursor, limit: 500, filter: null });
    expect(second.entries[0]?.name).toBe('k000500');
    const root = await session.listChildren('/', { cursor: null, limit: 500, filter: 'huge' });
    expect(root.entries).toEqual([entry('huge', '/huge', false, 100_000)]);
  }, 120_000);

  it('round-trips a 400 KiB value and names the 512 KiB limit when a value passes it', async () => {
    const big = Buffer.alloc(400 * 1024, 7);
    await session.create('/big/value', big, PLAIN);
    const whole = await session.get('/big/value', { maxBytes: 0 });
    expect(whole.size).toBe(big.length);
    expect(Buffer.from(whole.valueBase64, 'base64').equals(big)).toBe(true);
    const tooBig = await session
      .set('/big/value', Buffer.alloc(512 * 1024 + 1), whole.token)
      .catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/512 KiB/) });
  });
});
