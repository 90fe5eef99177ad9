import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, ResolvedProfile } from '../../electron/core/backends/backend.js';
import { createNacosDriver } from '../../electron/core/backends/nacos/nacos.driver.js';
import { nacosProfile, startNacos, type NacosServer } from '../servers/nacos.server.js';
import { rejection } from './support/async-expect.js';
import { capabilitiesOf } from '../../electron/core/backends/capabilities.js';

const PLAIN = { ephemeral: false, sequential: false, container: false };
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
const utf8 = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');
const text = (value: string): Buffer => Buffer.from(value, 'utf8');
const meta = (fields: { key: string; value: string }[], key: string): string | undefined =>
  fields.find((f) => f.key === key)?.value;

let server: NacosServer;
let session: BackendSession;

const profile = (overrides: Partial<ResolvedProfile> = {}): ResolvedProfile =>
  nacosProfile([server.endpoint], overrides);

/** "Someone else": a plain HTTP client of the Nacos open API, as an application would be. */
const other = {
  url: (path: string, query: Record<string, string> = {}): string =>
    `http://${server.endpoint}/nacos${path}?${new URLSearchParams(query).toString()}`,
  async publish(
    dataId: string,
    group: string,
    content: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    const body = new URLSearchParams({ dataId, group, content, ...extra });
    const response = await fetch(other.url('/v1/cs/configs'), { method: 'POST', body });
    expect(await response.text()).toBe('true');
  },
  async read(
    dataId: string,
    group: string,
    tenant = '',
  ): Promise<{ status: number; body: string; type: string }> {
    const response = await fetch(other.url('/v1/cs/configs', { dataId, group, tenant }));
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get('content-type') ?? '',
    };
  },
};

const names = async (path: string, filter: string | null = null): Promise<string[]> =>
  (await session.listChildren(path, { cursor: null, limit: 500, filter })).entries.map((e) => e.name);

beforeAll(async () => {
  server = await startNacos();
  session = await createNacosDriver().connect(profile());
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Nacos driver against a real r-nacos server', () => {
  it('connects and describes the server and the API it detected', () => {
    expect(session.server).toMatch(/^r-nacos \(v1 open API/);
    // r-nacos has no listener query (GET /v1/cs/configs/listener): the feature is absent, not broken.
    expect(session.listeners).toBeUndefined();
  });

  it('browses namespaces → groups → dataIds, pages and filters each level', async () => {
    await session.create('/dev', Buffer.alloc(0), PLAIN);
    await expect(session.create('/dev', Buffer.alloc(0), PLAIN)).rejects.toMatchObject({
      code: 'NODE_EXISTS',
    });
    await session.create('/dev/app-group/app.yaml', text('a: 1\n'), PLAIN);
    await session.create('/dev/app-group/db.json', text('{"url":"x"}'), PLAIN);
    await session.create('/dev/other/x.properties', text('k=v'), PLAIN);

    expect(await names('/')).toEqual(expect.arrayContaining(['public', 'dev']));
    expect((await names('/'))[0]).toBe('public');
    const groups = await session.listChildren('/dev', { cursor: null, limit: 500, filter: null });
    expect(groups.entries).toEqual([
      {
        name: 'app-group',
        path: '/dev/app-group',
        hasValue: false,
        childCount: 2,
        dataLength: null,
        ephemeral: false,
      },
      {
        name: 'other',
        path: '/dev/other',
        hasValue: false,
        childCount: 1,
        dataLength: null,
        ephemeral: false,
      },
    ]);
    const configs = await session.listChildren('/dev/app-group', { cursor: null, limit: 1, filter: null });
    expect(configs.entries.map((e) => [e.path, e.hasValue, e.dataLength])).toEqual([
      ['/dev/app-group/app.yaml', true, 5],
    ]);
    expect(configs.total).toBe(2);
    const next = await session.listChildren('/dev/app-group', {
      cursor: configs.nextCursor,
      limit: 1,
      filter: null,
    });
    expect(next.entries.map((e) => e.name)).toEqual(['db.json']);
    expect(next.nextCursor).toBeNull();
    expect(await names('/dev/app-group', 'DB')).toEqual(['db.json']);

    expect(await session.get('/dev', { maxBytes: 0 })).toMatchObject({ hasValue: false, childCount: 2 });
    expect(await session.get('/dev/app-group', { maxBytes: 0 })).toMatchObject({
      hasValue: false,
      childCount: 2,
    });
    expect(await session.countSubtree('/dev/app-group')).toBe(2);
    expect(await session.countSubtree('/dev')).toBe(4); // three configs and the namespace itself
    expect((await rejection(session.get('/dev/nothing', { maxBytes: 0 }))).code).toBe('NOT_FOUND');
    expect(
      (await rejection(session.listChildren('/nope', { cursor: null, limit: 10, filter: null }))).code,
    ).toBe('NOT_FOUND');

    // A profile limited to one namespace shows only that one.
    const limited = await createNacosDriver().connect(profile({ namespace: 'dev' }));
    try {
      expect(await limited.listChildren('/', { cursor: null, limit: 10, filter: null })).toMatchObject({
        entries: [{ name: 'dev' }],
      });
      expect((await rejection(limited.get('/public', { maxBytes: 0 }))).code).toBe('NOT_FOUND');
    } finally {
      await limited.close();
    }
  });

  it('takes the md5 of the content as the token, and publishes what another client reads', async () => {
    const path = '/public/crud/app.yaml';
    expect(await session.create(path, text('port: 1\n'), PLAIN)).toEqual({ path });
    const read = await session.get(path, { maxBytes: 0 });
    expect(read).toMatchObject({
      hasValue: true,
      size: 8,
      truncated: false,
      token: md5('port: 1\n'),
      acls: null,
    });
    expect(utf8(read.valueBase64)).toBe('port: 1\n');
    expect(meta(read.meta, 'md5')).toBe(read.token);

    const { node: updated } = await session.set(path, text('port: 2\n'), read.token);
    expect(updated.token).toBe(md5('port: 2\n'));
    expect((await other.read('app.yaml', 'crud')).body).toBe('port: 2\n');
  });

  it('reports the value each write replaced, read in the same operation', async () => {
    const path = '/public/before/app.properties';
    const before = (written: { before: Buffer | null }): string | null =>
      written.before?.toString('utf8') ?? null;
    // A config that did not exist: nothing replaced.
    expect(before(await session.set(path, text('one=1'), null))).toBeNull();
    const read = await session.get(path, { maxBytes: 0 });
    // Someone else publishes after our read: an unconditional save replaces their value, and says so.
    await other.publish('app.properties', 'before', 'theirs=1');
    expect(before(await session.set(path, text('mine=1'), null))).toBe('theirs=1');
    const current = await session.get(path, { maxBytes: 0 });
    expect(read.token).not.toBe(current.token);
    expect(before(await session.set(path, text('mine=2'), current.token))).toBe('mine=1');
    expect(before(await session.delete(path, { recursive: false, token: null }))).toBe('mine=2');

    await session.create('/public/before/a', text('a'), PLAIN);
    expect(before(await session.delete('/public/before/a', { recursive: true, token: null }))).toBe('a');
    // A group holds no value of its own.
    await session.create('/public/before/b', text('b'), PLAIN);
    await session.create('/public/before/c', text('c'), PLAIN);
    expect(await session.delete('/public/before', { recursive: true, token: null })).toEqual({
      deleted: 2,
      before: null,
    });
  });

  it('refuses what Nacos cannot store, with the reason', async () => {
    const invalid = await rejection(session.create('/public/g/bin', Buffer.from([0xff, 0xfe, 0x00]), PLAIN));
    expect(invalid).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Nacos stores text'),
    });
    expect((await rejection(session.create('/public/newgroup', text('x'), PLAIN))).code).toBe('UNSUPPORTED');
    expect((await rejection(session.set('/public', text('x'), null))).code).toBe('INVALID_INPUT');
    expect((await rejection(session.delete('/public', { recursive: true, token: null }))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('keeps unicode content and dataIds with dots and colons, with the md5 of the UTF-8 bytes', async () => {
    const content = 'ключ=значение\nemoji=✓ 🚀\n配置=真\n';
    await session.create('/public/DEFAULT_GROUP/com.example.app:v1.properties', text(content), PLAIN);
    await session.create('/public/DEFAULT_GROUP/конфиг.json', text('{"名":"値"}'), PLAIN);
    const read = await session.get('/public/DEFAULT_GROUP/com.example.app:v1.properties', { maxBytes: 0 });
    expect(utf8(read.valueBase64)).toBe(content);
    expect(read.size).toBe(Buffer.byteLength(content));
    expect(read.token).toBe(md5(content));
    expect((await other.read('com.example.app:v1.properties', 'DEFAULT_GROUP')).body).toBe(content);
  });

  it('keeps the declared type of a config when saving it', async () => {
    await other.publish('typed', 'types', '{"a":1}', { type: 'json' });
    const read = await session.get('/public/types/typed', { maxBytes: 0 });
    expect(meta(read.meta, 'type')).toBe('json');
    await session.set('/public/types/typed', text('{"a":2}'), read.token);
    const after = await other.read('typed', 'types');
    expect(after.body).toBe('{"a":2}');
    expect(after.type).toMatch(/application\/json/);
    // A new config is declared with the type of its extension.
    await session.create('/public/types/page.html', text('<p>hi</p>'), PLAIN);
    expect((await other.read('page.html', 'types')).type).toMatch(/text\/html/);
    expect(meta((await session.get('/public/types/page.html', { maxBytes: 0 })).meta, 'type')).toBe('html');
  });

  it('round-trips a 2 MiB value', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    await session.create('/public/large/two-mib.txt', text(big), PLAIN);
    const read = await session.get('/public/large/two-mib.txt', { maxBytes: 0 });
    expect(read.size).toBe(big.length);
    expect(read.token).toBe(md5(big));
  });

  it('deletes a namespace recursively, with the count of its configs', async () => {
    await session.create('/scratch', Buffer.alloc(0), PLAIN);
    await session.create('/scratch/g1/one', text('1'), PLAIN);
    await session.create('/scratch/g2/two', text('2'), PLAIN);
    expect(await session.countSubtree('/scratch')).toBe(3);
    expect((await rejection(session.delete('/scratch', { recursive: false, token: null }))).code).toBe(
      'NOT_EMPTY',
    );
    expect(await session.delete('/scratch', { recursive: true, token: null })).toMatchObject({ deleted: 3 });
    expect(await names('/')).not.toContain('scratch');
  });
});

describe('Nacos driver: history, listeners and the service registry', () => {
  it('lists the history of a config and reads an older version, when the server offers it', async () => {
    await session.create('/public/hist/app.properties', text('v=1'), PLAIN);
    await session.set('/public/hist/app.properties', text('v=2'), null);
    await session.set('/public/hist/app.properties', text('v=3'), null);
    if (!session.history) {
      // r-nacos serves config history only through its console (RNACOS_ENABLE_NO_AUTH_CONSOLE on the API port).
      expect(capabilitiesOf(session).history).toBe(false);
      return;
    }
    const { entries } = await session.history.list('/public/hist/app.properties', 100);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const times = entries.map((e) => e.time ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    const versions = await Promise.all(
      entries.map((e) => session.history!.get('/public/hist/app.properties', e.id)),
    );
    expect(versions.map((v) => utf8(v.valueBase64 ?? ''))).toEqual(expect.arrayContaining(['v=1', 'v=2']));
    expect((await rejection(session.history.get('/public/hist/app.properties', '999999999'))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists services and their instances with health, weight, metadata and cluster', async () => {
    const register = async (ip: string, extra: Record<string, string>): Promise<void> => {
      const body = new URLSearchParams({
        serviceName: 'orders',
        groupName: 'shop',
        ip,
        port: '8080',
        ...extra,
      });
      const response = await fetch(other.url('/v1/ns/instance'), { method: 'POST', body });
      expect(response.ok).toBe(true);
    };
    await register('10.0.0.1', {
      weight: '2',
      metadata: JSON.stringify({ zone: 'a', version: '1.2' }),
      clusterName: 'east',
    });
    await register('10.0.0.2', { weight: '0.5', metadata: JSON.stringify({ zone: 'b' }) });
    const services = await session.registry!.services({ group: 'shop' });
    expect(services).toEqual([
      { name: 'orders', namespace: 'public', group: 'shop', tags: [], instanceCount: 2, healthyCount: 2 },
    ]);
    const instances = await session.registry!.instances('orders', { group: 'shop' });
    const byIp = Object.fromEntries(instances.map((i) => [i.address, i]));
    expect(byIp['10.0.0.1']).toMatchObject({
      port: 8080,
      healthy: true,
      weight: 2,
      enabled: true,
      ephemeral: true,
      node: 'east',
      metadata: { zone: 'a', version: '1.2' },
      tags: [],
      checks: [],
    });
    expect(byIp['10.0.0.2']).toMatchObject({
      weight: 0.5,
      enabled: true,
      node: 'DEFAULT',
      metadata: { zone: 'b' },
    });
    expect(instances).toHaveLength(2);
    expect(await session.registry!.instances('orders', { group: 'other' })).toEqual([]);
  });
});
