import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession, ResolvedProfile } from '../../electron/core/backends/backend.js';
import { openLink } from '../../electron/core/backends/nacos/nacos.connect.js';
import { createNacosDriver } from '../../electron/core/backends/nacos/nacos.driver.js';
import { detectApi } from '../../electron/core/backends/nacos/nacos.probe.js';
import { nacosProfile, startNacos, type NacosServer } from '../servers/nacos.server.js';
import { startCountingHttpProxy, type CountingHttpProxy } from './support/counting-http-proxy.js';
import { nacosOtherClient } from './support/nacos-client.js';

const GROUP = 'PAGING';
const COUNT = 1234;
const PAGE = 500;
/** `cfg-0000.json` …: names whose order is plain to read. */
const dataId = (i: number): string => `cfg-${String(i).padStart(4, '0')}.json`;

let server: NacosServer;
let proxy: CountingHttpProxy;
const sessions: BackendSession[] = [];

/** A fresh session through the counting proxy (nothing cached from an earlier listing). */
async function connect(overrides: Partial<ResolvedProfile> = {}): Promise<BackendSession> {
  const session = await createNacosDriver().connect(nacosProfile([proxy.endpoint], overrides));
  sessions.push(session);
  proxy.reset();
  return session;
}

const configRequests = () => proxy.seen.filter((r) => r.path === '/nacos/v1/cs/configs');
const namespaceRequests = () => proxy.seen.filter((r) => r.path === '/nacos/v1/console/namespaces');

beforeAll(async () => {
  server = await startNacos();
  proxy = await startCountingHttpProxy(server.port);
  const other = nacosOtherClient(server.endpoint);
  // Published out of order (odd names from the end, then even ones), so an ordered answer is the server's.
  const order = [
    ...Array.from({ length: COUNT }, (_, i) => i)
      .filter((i) => i % 2 === 1)
      .reverse(),
    ...Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 2 === 0),
  ];
  for (let at = 0; at < order.length; at += 16) {
    await Promise.all(order.slice(at, at + 16).map((i) => other.publish(dataId(i), GROUP, `{"i":${i}}`)));
  }
  await other.publish('other.json', 'AAA-BEFORE', '{}');
  await other.publish('other.json', 'ZZZ-AFTER', '{}');
}, 120_000);

afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => undefined);
  await proxy?.close();
  await server?.stop();
});

const expected = Array.from({ length: COUNT }, (_, i) => dataId(i));

describe('Nacos group paging against a real r-nacos server', () => {
  it('detects that the server pages configs in order, and it does', async () => {
    const link = await openLink(nacosProfile([server.endpoint]));
    try {
      expect((await detectApi(link.http)).orderedConfigs).toBe(true);
    } finally {
      await link.close();
    }
    const url = nacosOtherClient(server.endpoint).url('/v1/cs/configs', {
      search: 'accurate',
      dataId: '',
      group: GROUP,
      tenant: '',
      pageNo: '2',
      pageSize: String(PAGE),
    });
    const page = (await (await fetch(url)).json()) as { pageItems: Array<{ dataId: string }> };
    expect(page.pageItems.map((item) => item.dataId)).toEqual(expected.slice(PAGE, 2 * PAGE));
  });

  it('serves the first page of a group with one config request and no namespace request', async () => {
    const session = await connect();
    const first = await session.listChildren(`/public/${GROUP}`, { cursor: null, limit: PAGE, filter: null });
    expect(first.entries.map((e) => e.name)).toEqual(expected.slice(0, PAGE));
    expect(first.total).toBe(COUNT);
    expect(first.nextCursor).not.toBeNull();
    expect(first.entries[0]).toMatchObject({
      path: `/public/${GROUP}/${dataId(0)}`,
      hasValue: true,
      childCount: 0,
      dataLength: Buffer.byteLength('{"i":0}'),
    });
    const configs = configRequests();
    expect(configs).toHaveLength(1);
    expect(configs[0]!.query.get('pageNo')).toBe('1');
    expect(namespaceRequests()).toHaveLength(0);
  });

  it('gives the same first page as the full scan of the group', async () => {
    const head = await (
      await connect()
    ).listChildren(`/public/${GROUP}`, {
      cursor: null,
      limit: PAGE,
      filter: null,
    });
    // A filter makes the level list through the full scan: every config of the group, read page by page.
    const scanned = await (
      await connect()
    ).listChildren(`/public/${GROUP}`, {
      cursor: null,
      limit: PAGE,
      filter: 'cfg-',
    });
    expect(configRequests().length).toBeGreaterThan(1);
    expect(head.entries).toEqual(scanned.entries);
    expect(head.total).toBe(scanned.total);
    expect(head.nextCursor).toBe(scanned.nextCursor);
  });

  it('continues with the later pages in order, with the same total, until the group ends', async () => {
    const session = await connect();
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await session.listChildren(`/public/${GROUP}`, { cursor, limit: PAGE, filter: null });
      expect(page.total).toBe(COUNT);
      names.push(...page.entries.map((e) => e.name));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(names).toEqual(expected);
  });

  it('serves a group that fits in one page whole from that one request', async () => {
    const session = await connect();
    const page = await session.listChildren('/public/ZZZ-AFTER', { cursor: null, limit: PAGE, filter: null });
    expect(page.entries.map((e) => e.name)).toEqual(['other.json']);
    expect(page).toMatchObject({ total: 1, nextCursor: null });
    // The group's count (and a second listing) reuse that page: no further request.
    expect((await session.get('/public/ZZZ-AFTER', { maxBytes: 1024 })).childCount).toBe(1);
    expect(configRequests()).toHaveLength(1);
  });

  it('answers NOT_FOUND for a group without configs, and for a namespace the server does not have', async () => {
    const session = await connect();
    await expect(
      session.listChildren('/public/NO-SUCH-GROUP', { cursor: null, limit: PAGE, filter: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      session.listChildren(`/no-such-namespace/${GROUP}`, { cursor: null, limit: PAGE, filter: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Only the unknown namespace needed the namespace list.
    expect(namespaceRequests()).toHaveLength(1);
  });
});
