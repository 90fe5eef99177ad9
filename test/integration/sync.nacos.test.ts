// Sync between etcd and a Nacos group (r-nacos): Nacos holds only flat, non-empty UTF-8 configs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import { exportSnapshot } from '../../electron/core/sync/snapshot.export.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import type { SyncOptions } from '../../electron/core/sync/sync.types.js';
import type { Source } from '../../electron/core/sources/source.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { openEtcd, openNacos, seed, tempAudit, type Store } from '../unit/sync/support/stores.js';
import { runCli } from './support/cli-runner.js';

/** What an application keeps in a Nacos group, and three keys Nacos cannot hold. */
const SOURCE_KEYS = {
  '/app.json': '{"port":8080,"debug":false}',
  '/db.properties': 'url=jdbc:mysql://db:3306/app\nuser=app\n',
  '/ünïcødé.yaml': 'ключ: значение 🚀\n',
  '/nested/deep': 'a dataId holds no "/"',
  '/bad name': 'a dataId holds no space',
  '/bin': Buffer.from([0x00, 0xff, 0xfe]),
};

let etcdServer: EtcdServer;
let nacosServer: NacosServer;
let etcd: Store;
let nacos: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;

async function plan(source: Source, target: Source, options: Partial<SyncOptions> = {}) {
  return planSync(await diffSources(source, target), target, options);
}

/** "Someone else": an application publishing through the Nacos open API. */
async function publish(dataId: string, group: string, content: string): Promise<void> {
  const body = new URLSearchParams({ dataId, group, content });
  const response = await fetch(`http://${nacosServer.endpoint}/nacos/v1/cs/configs`, {
    method: 'POST',
    body,
  });
  expect(await response.text()).toBe('true');
}

const text = async (store: Store, path: string): Promise<string> =>
  Buffer.from((await store.session.get(path, { maxBytes: 0 })).valueBase64, 'base64').toString();

beforeAll(async () => {
  [etcdServer, nacosServer, audit] = await Promise.all([startEtcd(), startNacos(), tempAudit()]);
  [etcd, nacos] = await Promise.all([openEtcd(etcdServer.endpoint), openNacos(nacosServer.endpoint)]);
  await seed(etcd.session, '/n/src', SOURCE_KEYS);
});

afterAll(async () => {
  await Promise.all([etcd?.close(), nacos?.close()]);
  await Promise.all([etcdServer?.stop(), nacosServer?.stop(), audit?.dispose()]);
});

describe('sync with Nacos (through the same driver interface)', () => {
  it('syncs etcd into a Nacos group: what Nacos can hold is written, the rest fails with a reason', async () => {
    const source = etcd.source('/n/src');
    const target = nacos.source('/public/SYNC_GROUP');
    const first = await plan(source, target);
    expect(first.summary).toEqual({ create: 6, update: 0, delete: 0 });

    const report = await audit.apply(first, source, target);
    expect(report.stoppedBy).toBeNull();
    const outcomes = Object.fromEntries(
      report.items.map((i) => [i.path, [i.outcome, i.error?.code ?? null]]),
    );
    expect(outcomes).toEqual({
      '/app.json': ['applied', null],
      '/bad name': ['failed', 'INVALID_INPUT'],
      '/bin': ['failed', 'INVALID_INPUT'],
      '/db.properties': ['applied', null],
      '/nested/deep': ['failed', 'INVALID_INPUT'],
      '/ünïcødé.yaml': ['applied', null],
    });
    const reasons = report.items.filter((i) => i.outcome === 'failed').map((i) => i.error!.message);
    expect(reasons.join('\n')).toMatch(/deeper than Nacos goes/);
    expect(reasons.join('\n')).toMatch(/not valid UTF-8/);
    expect(reasons.join('\n')).toMatch(/not a valid Nacos dataId/);

    // Values arrive byte for byte (trailing newline and unicode included), the type from the extension.
    expect(await text(nacos, '/public/SYNC_GROUP/db.properties')).toBe(SOURCE_KEYS['/db.properties']);
    expect(await text(nacos, '/public/SYNC_GROUP/ünïcødé.yaml')).toBe(SOURCE_KEYS['/ünïcødé.yaml']);
    const entries = (await audit.store.list({ pathPrefix: '/public/SYNC_GROUP/' })).entries.filter(
      (e) => e.details?.syncId === first.syncId,
    );
    expect(entries.map((e) => e.outcome).sort()).toEqual(['failed', 'failed', 'failed', 'ok', 'ok', 'ok']);

    // Running it again writes nothing new and fails the same three keys: the rest has converged.
    const again = await audit.apply(await plan(source, target), source, target);
    expect(again.summary).toEqual({ applied: 0, conflict: 0, failed: 3, skipped: 0 });
    expect((await diffSources(source, target)).summary).toEqual({
      onlyLeft: 3,
      onlyRight: 0,
      changed: 0,
      same: 3,
    });
  });

  it('syncs a Nacos group into etcd and compares JSON as data when asked', async () => {
    const source = nacos.source('/public/SYNC_GROUP');
    const target = etcd.source('/n/from-nacos');
    const report = await audit.apply(await plan(source, target), source, target);
    expect(report.summary).toEqual({ applied: 3, conflict: 0, failed: 0, skipped: 0 });
    expect(await text(etcd, '/n/from-nacos/ünïcødé.yaml')).toBe(SOURCE_KEYS['/ünïcødé.yaml']);

    await publish('app.json', 'SYNC_GROUP', '{ "debug": false, "port": 8080 }');
    expect((await diffSources(source, target)).summary.changed).toBe(1);
    const normalised = await diffSources(source, target, { normalize: 'json' });
    expect(normalised.summary).toEqual({ onlyLeft: 0, onlyRight: 0, changed: 0, same: 3 });
  });

  it('writes nothing where Nacos or the source moved after the plan, and deletes only when asked', async () => {
    await seed(etcd.session, '/n/conf', {
      '/a.properties': 'a=2',
      '/b.properties': 'b=2',
      '/c.properties': 'c=2',
    });
    for (const [dataId, content] of [
      ['a.properties', 'a=1'],
      ['b.properties', 'b=1'],
      ['c.properties', 'c=1'],
      ['extra.properties', 'x=1'],
    ] as const) {
      await publish(dataId, 'CONF_GROUP', content);
    }
    const source = etcd.source('/n/conf');
    const target = nacos.source('/public/CONF_GROUP');
    const first = await plan(source, target, { delete: true });
    expect(first.summary).toEqual({ create: 0, update: 3, delete: 1 });

    await publish('a.properties', 'CONF_GROUP', 'a=edited by the app');
    await etcd.session.set('/n/conf/b.properties', Buffer.from('b=moved'), null);
    const report = await audit.apply(first, source, target);
    const outcomes = Object.fromEntries(report.items.map((i) => [i.path, i.outcome]));
    expect(outcomes).toEqual({
      '/a.properties': 'conflict',
      '/b.properties': 'conflict',
      '/c.properties': 'applied',
      '/extra.properties': 'applied',
    });
    expect(await text(nacos, '/public/CONF_GROUP/a.properties')).toBe('a=edited by the app');
    expect(await text(nacos, '/public/CONF_GROUP/b.properties')).toBe('b=1');
    expect(await text(nacos, '/public/CONF_GROUP/c.properties')).toBe('c=2');
    await expect(
      nacos.session.get('/public/CONF_GROUP/extra.properties', { maxBytes: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('export → import into another group → export gives the same bytes', async () => {
    const meta = { label: 'nacos group', exportedAt: '2026-01-01T00:00:00.000Z' };
    const original = await exportSnapshot(nacos.source('/public/SYNC_GROUP'), meta);
    expect(original.keys).toBe(3);
    const report = await audit.apply(
      await plan(nacos.source('/public/SYNC_GROUP'), nacos.source('/public/COPY_GROUP')),
      nacos.source('/public/SYNC_GROUP'),
      nacos.source('/public/COPY_GROUP'),
    );
    expect(report.summary.applied).toBe(3);
    expect((await exportSnapshot(nacos.source('/public/COPY_GROUP'), meta)).text).toBe(original.text);
  });

  it('the CLI takes nacos://host:port/<namespace>/<group> sources: sync, diff, export', async () => {
    const home = await mkdtemp(join(tmpdir(), 'configdeck-cli-nacos-'));
    try {
      await seed(etcd.session, '/n/cli', { '/web.yaml': 'port: 80\n', '/jobs.json': '{"every":"5m"}' });
      const source = `etcd://${etcdServer.endpoint}/n/cli`;
      const target = `nacos://${nacosServer.endpoint}/public/CLI_GROUP`;
      expect((await runCli(home, 'diff', source, target)).code).toBe(1);
      const sync = await runCli(home, 'sync', source, target, '--apply', '--json');
      expect(sync.stderr).toBe('');
      expect(JSON.parse(sync.stdout)).toMatchObject({
        summary: { applied: 2, conflict: 0, failed: 0, skipped: 0 },
      });
      expect(await runCli(home, 'diff', source, target)).toMatchObject({ code: 0, stderr: '' });
      const file = join(home, 'group.json');
      expect((await runCli(home, 'export', target, '-o', file)).code).toBe(0);
      const snapshot = JSON.parse(await readFile(file, 'utf8')) as { keys: Array<{ path: string }> };
      expect(snapshot.keys.map((k) => k.path)).toEqual(['/jobs.json', '/web.yaml']);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
