import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSources } from '../../electron/core/sync/diff.engine.js';
import { exportSnapshot } from '../../electron/core/sync/snapshot.export.js';
import { planSync } from '../../electron/core/sync/sync.plan.js';
import type { Source } from '../../electron/core/sources/source.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { SessionSource } from '../../electron/core/sources/session.source.js';
import { ConsulHttp } from '../../electron/core/backends/consul/consul.http.js';
import { parseEndpoints } from '../../electron/core/backends/consul/consul.endpoints.js';
import { LevelCache } from '../../electron/core/backends/consul/consul.levels.js';
import { getMany } from '../../electron/core/backends/consul/consul.txn.js';
import {
  openConsul,
  openZooKeeper,
  seed,
  tempAudit,
  without,
  type Store,
} from '../unit/sync/support/stores.js';
import { runCli } from './support/cli-runner.js';

const KEYS = {
  '/plain': 'hello',
  '/empty': '',
  '/bin': Buffer.from([0x00, 0xff, 0x10]),
  '/ünïcødé/ключ ✓': 'значение 🚀',
  '/folder-key': 'value with children',
  '/folder-key/child': 'c',
  '/pure/deep/leaf': 'x',
};

let zkServer: ZooKeeperServer;
let consulServer: ConsulServer;
let zk: Store;
let consul: Store;
let audit: Awaited<ReturnType<typeof tempAudit>>;

async function sync(source: Source, target: Source, remove = false) {
  const plan = await planSync(await diffSources(source, target), target, { delete: remove });
  return audit.apply(plan, source, target);
}

beforeAll(async () => {
  [zkServer, consulServer, audit] = await Promise.all([startZooKeeper(), startConsul(), tempAudit()]);
  [zk, consul] = await Promise.all([
    openZooKeeper(zkServer.connectString),
    openConsul(consulServer.endpoint),
  ]);
  await seed(zk.session, '/src', KEYS);
});

afterAll(async () => {
  await Promise.all([zk?.close(), consul?.close()]);
  await Promise.all([zkServer?.stop(), consulServer?.stop(), audit?.dispose()]);
});

describe('sync with Consul (through the same driver interface)', () => {
  it('syncs ZooKeeper into Consul and back into a new ZooKeeper path, converging both ways', async () => {
    const there = await sync(zk.source('/src'), consul.source('/app'));
    expect(there.summary).toEqual({ applied: 7, conflict: 0, failed: 0, skipped: 0 });
    expect((await diffSources(zk.source('/src'), consul.source('/app'))).summary).toEqual({
      onlyLeft: 0,
      onlyRight: 0,
      changed: 0,
      same: 7,
    });
    const back = await sync(consul.source('/app'), zk.source('/from-consul'));
    expect(back.summary.applied).toBe(7);
    const [a, b] = await Promise.all([
      exportSnapshot(zk.source('/src'), { label: 'x', exportedAt: 't' }),
      exportSnapshot(zk.source('/from-consul'), { label: 'x', exportedAt: 't' }),
    ]);
    expect(b.text).toBe(a.text);
  });

  it('treats a Consul folder marker (dir/) with keys below it as a folder, and deletes with the plan', async () => {
    const kv = (key: string, body: string) =>
      fetch(`http://${consulServer.endpoint}/v1/kv/${key}`, { method: 'PUT', body }).then((r) => r.json());
    await kv('app/markers/', '');
    await kv('app/markers/k', 'v');
    await kv('app/extra/', '');
    await kv('app/extra/only-here', 'x');
    await seed(zk.session, '/src', { '/markers/k': 'v' });
    const result = await diffSources(zk.source('/src'), consul.source('/app'));
    expect(result.entries.filter((e) => e.status !== 'same').map((e) => [e.path, e.status])).toEqual([
      ['/extra/only-here', 'only-right'],
    ]);
    expect(result.rightFolders).toContain('/markers');
    // Deleting the only key below the `extra/` marker leaves an empty marker: it goes too.
    const removed = await sync(zk.source('/src'), consul.source('/app'), true);
    expect(removed.summary.applied).toBe(1);
    await expect(consul.session.get('/app/extra', { maxBytes: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await diffSources(zk.source('/src'), consul.source('/app'))).summary).toMatchObject({
      onlyLeft: 0,
      onlyRight: 0,
      changed: 0,
    });
  });

  it('the CLI takes consul://host:port/path sources: dry run, sync, diff', async () => {
    const home = await mkdtemp(join(tmpdir(), 'configdeck-cli-consul-'));
    try {
      const source = `zk://${zkServer.connectString}/src`;
      const target = `consul://${consulServer.endpoint}/cli-app`;
      const keys = (await diffSources(zk.source('/src'), consul.source('/cli-app'))).summary.onlyLeft;
      expect(keys).toBeGreaterThanOrEqual(7);
      const dry = await runCli(home, 'sync', source, target, '--json');
      expect(JSON.parse(dry.stdout)).toMatchObject({ mode: 'dry-run', summary: { create: keys, update: 0 } });
      const applied = await runCli(home, 'sync', source, target, '--apply', '--json');
      expect(JSON.parse(applied.stdout)).toMatchObject({ summary: { applied: keys, failed: 0 } });
      expect(await runCli(home, 'diff', source, target)).toMatchObject({ code: 0, stderr: '' });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('the Consul bulk scan (one ?recurse read)', () => {
  it('sees the same keys, values and folders as the node-by-node walk', async () => {
    const kv = async (key: string, body: string): Promise<void> => {
      const response = await fetch(`http://${consulServer.endpoint}/v1/kv/${key}`, { method: 'PUT', body });
      expect(await response.text()).toBe('true');
    };
    // `a` hides the value of `a/`; `a-b` sorts between them; `x//y` has no path; `m/` is a folder marker.
    for (const [key, body] of [
      ['scan/a', 'plain'],
      ['scan/a-b', 'between'],
      ['scan/a/', 'hidden folder value'],
      ['scan/a/child', 'c'],
      ['scan/m/', ''],
      ['scan/m/k', 'v'],
      ['scan/empty', ''],
      ['scan/f/', 'folder key value'],
      ['scan/ключ/✓', 'юникод'],
    ] as const) {
      await kv(key, body);
    }
    // An HTTP path would collapse `//`: such a key can only be written through a transaction.
    const txn = [{ KV: { Verb: 'set', Key: 'scan/x//y', Value: Buffer.from('no path').toString('base64') } }];
    const response = await fetch(`http://${consulServer.endpoint}/v1/txn`, {
      method: 'PUT',
      body: JSON.stringify(txn),
    });
    expect(response.status).toBe(200);
    const scanned = consul.source('/scan');
    const walked = new SessionSource({
      label: 'walked',
      profile: consul.profile,
      session: without(consul.session, 'scanSubtree'),
      root: '/scan',
    });
    const [a, b] = await Promise.all([
      exportSnapshot(scanned, { label: 'x', exportedAt: 't' }),
      exportSnapshot(walked, { label: 'x', exportedAt: 't' }),
    ]);
    expect(a.text).toBe(b.text);
    const keys = (JSON.parse(a.text) as { keys: Array<{ path: string; value: string }> }).keys;
    expect(keys.map((k) => [k.path, k.value])).toEqual([
      ['/a', 'plain'],
      ['/a/child', 'c'],
      ['/a-b', 'between'],
      ['/empty', ''],
      ['/f', 'folder key value'],
      ['/m/k', 'v'],
      ['/ключ/✓', 'юникод'],
    ]);
    // Folder nodes (the `m/` marker) are seen both ways; the walk also lists bare prefixes (`x/`,
    // `ключ/`), which hold nothing a sync could write or prune.
    const diff = await diffSources(scanned, walked);
    expect(diff.summary).toMatchObject({ onlyLeft: 0, onlyRight: 0, changed: 0, same: 7 });
    expect(diff.leftFolders).toEqual(['/m']);
    expect(diff.rightFolders).toContain('/m');
  });

  it('reads values in read-only transactions; a key deleted since the listing comes back as null', async () => {
    const http = new ConsulHttp({
      endpoints: parseEndpoints([consulServer.endpoint], false),
      tls: {},
      token: null,
      datacenter: null,
      timeoutMs: 5000,
    });
    try {
      const ctx = { http, levels: new LevelCache(http) };
      const read = await getMany(ctx, ['scan/a', 'scan/gone-meanwhile', 'scan/ключ/✓'], 'Reading');
      expect(
        read.map((entry) => entry && [entry.Key, Buffer.from(entry.Value!, 'base64').toString()]),
      ).toEqual([['scan/a', 'plain'], null, ['scan/ключ/✓', 'юникод']]);
    } finally {
      http.close();
    }
  });
});
