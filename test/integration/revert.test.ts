import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import type { MethodOutput } from '../../shared/contract/methods.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { runCli } from './support/cli-runner.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';

// "Revert this change" on a real ZooKeeper: a set's value before is written back with CAS against the value
// it wrote, a create is deleted, a delete re-created; refused when the node moved since (a second client wrote);
// a whole sync reverted as a group; every revert is itself audited and linked to what it reverts.
describe('reverting audit entries', () => {
  let zk: ZooKeeperServer;
  let client: CoreClient;
  let plain: ZkClient;
  const ids = { dev: '', prod: '', ro: '' };

  beforeAll(async () => {
    [zk, client] = await Promise.all([startZooKeeper(), startCoreClient()]);
    plain = await connectedZkClient(zk.connectString);
    const save = async (name: string, extra = {}) =>
      (
        await client.call('connections.save', {
          name,
          kind: 'zookeeper',
          endpoints: [zk.connectString],
          ...extra,
        })
      ).id;
    ids.dev = await save('zk');
    ids.prod = await save('zk-prod', { environment: 'prod' });
    ids.ro = await save('zk-ro', { readOnly: true });
    for (const path of ['/rv', '/src', '/dst'])
      await client.call('node.create', { connectionId: ids.dev, path, valueBase64: '' });
  });

  afterAll(async () => {
    await plain?.close();
    await client?.close();
    await zk?.stop();
  });

  const connectionId = (): string => ids.dev;
  const valueOf = async (path: string): Promise<string | null> =>
    client.call('node.get', { connectionId: connectionId(), path }).then(
      (node) => text(node.valueBase64),
      () => null,
    );
  const newestSeq = async (id = ids.dev): Promise<number> =>
    (await client.call('audit.list', { connectionId: id, limit: 1 })).entries[0]!.seq;
  async function create(path: string, value: string): Promise<number> {
    await client.call('node.create', { connectionId: ids.dev, path, valueBase64: b64(value) });
    return newestSeq();
  }
  async function set(path: string, value: string, id = ids.dev, confirmation?: string): Promise<number> {
    const { token } = await client.call('node.get', { connectionId: id, path });
    await client.call('node.set', { connectionId: id, path, valueBase64: b64(value), token, confirmation });
    return newestSeq(id);
  }
  async function remove(path: string): Promise<number> {
    await client.call('node.delete', { connectionId: ids.dev, path });
    return newestSeq();
  }
  const entry = (seq: number) => client.call('audit.entry', { seq });

  it('reverts a set by writing the value before back, audited with revertOf', async () => {
    await create('/rv/set', 'before');
    const seq = await set('/rv/set', 'after');
    const plan = await client.call('audit.revertPlan', { seq });
    expect(plan).toMatchObject({ connectionName: 'zk', environment: 'dev', syncId: null });
    expect(plan.items).toEqual([
      { seq, connectionName: 'zk', path: '/rv/set', action: 'set', state: 'ready', reason: null },
    ]);
    const report = await client.call('audit.revert', { seq });
    expect(report.reverted).toBe(1);
    expect(report.items[0]).toMatchObject({ outcome: 'reverted', action: 'set' });
    expect(await valueOf('/rv/set')).toBe('before');
    const written = await entry(report.items[0]!.revertSeq!);
    expect(written).toMatchObject({
      operation: 'set',
      outcome: 'ok',
      path: '/rv/set',
      details: { revertOf: seq },
    });
  });

  it('refuses to revert a set when a second client changed the node since, and writes nothing', async () => {
    await create('/rv/moved', 'before');
    const seq = await set('/rv/moved', 'after');
    await plain.setData('/rv/moved', Buffer.from('someone else'));
    const plan = await client.call('audit.revertPlan', { seq });
    expect(plan.items[0]).toMatchObject({ state: 'moved', action: 'set' });
    expect(plan.items[0]!.reason).toBe(
      `/rv/moved changed since entry ${seq}: its value is no longer the one written then.`,
    );
    const before = await newestSeq();
    const report = await client.call('audit.revert', { seq });
    expect(report).toMatchObject({ reverted: 0, items: [{ outcome: 'moved', revertSeq: null }] });
    expect(await valueOf('/rv/moved')).toBe('someone else');
    expect(await newestSeq()).toBe(before);
  });

  it('reverts a create by a delete, and refuses when the node changed since', async () => {
    const seq = await create('/rv/created', 'new');
    expect((await client.call('audit.revertPlan', { seq })).items[0]).toMatchObject({
      action: 'delete',
      state: 'ready',
    });
    expect((await client.call('audit.revert', { seq })).items[0]).toMatchObject({ outcome: 'reverted' });
    expect(await valueOf('/rv/created')).toBeNull();

    const other = await create('/rv/created-moved', 'new');
    await plain.setData('/rv/created-moved', Buffer.from('changed'));
    expect((await client.call('audit.revert', { seq: other })).items[0]).toMatchObject({ outcome: 'moved' });
    expect(await valueOf('/rv/created-moved')).toBe('changed');
  });

  it('reverts a delete by re-creating the value before, and refuses when the node exists again', async () => {
    await create('/rv/deleted', 'kept');
    const seq = await remove('/rv/deleted');
    expect((await client.call('audit.revertPlan', { seq })).items[0]).toMatchObject({
      action: 'create',
      state: 'ready',
    });
    const report = await client.call('audit.revert', { seq });
    expect(report.items[0]).toMatchObject({ outcome: 'reverted' });
    expect(await valueOf('/rv/deleted')).toBe('kept');
    expect(await entry(report.items[0]!.revertSeq!)).toMatchObject({
      operation: 'create',
      details: { revertOf: seq },
    });

    await create('/rv/back', 'v');
    const gone = await remove('/rv/back');
    await plain.create('/rv/back', Buffer.from('re-created by another client'));
    const moved = await client.call('audit.revert', { seq: gone });
    expect(moved.items[0]).toMatchObject({
      outcome: 'moved',
      reason: `/rv/back exists again since entry ${gone} deleted it.`,
    });
    expect(await valueOf('/rv/back')).toBe('re-created by another client');
  });

  it('says in one sentence why an entry cannot be reverted (one that wrote nothing)', async () => {
    await create('/rv/stale', 'v1');
    const { token } = await client.call('node.get', { connectionId: ids.dev, path: '/rv/stale' });
    await plain.setData('/rv/stale', Buffer.from('v2'));
    await client.failure('node.set', {
      connectionId: ids.dev,
      path: '/rv/stale',
      valueBase64: b64('mine'),
      token,
    });
    const seq = await newestSeq();
    const report = await client.call('audit.revert', { seq });
    expect(report.items[0]).toMatchObject({
      outcome: 'unrevertable',
      reason: `Entry ${seq} wrote nothing (its outcome was conflict).`,
    });
  });

  it('compares by digest a value the log kept only as its digest, and cannot write such a value back', async () => {
    const big = 'x'.repeat(70 * 1024);
    await create('/rv/big-after', 'small');
    const grew = await set('/rv/big-after', big);
    expect((await entry(grew)).after).toMatchObject({ omitted: true, size: big.length });
    expect((await client.call('audit.revert', { seq: grew })).items[0]).toMatchObject({
      outcome: 'reverted',
    });
    expect(await valueOf('/rv/big-after')).toBe('small');

    await create('/rv/big-before', big);
    const shrank = await set('/rv/big-before', 'small');
    expect((await client.call('audit.revert', { seq: shrank })).items[0]).toMatchObject({
      outcome: 'unrevertable',
      reason: `The audit log kept only a digest of the value before entry ${shrank} (${big.length} bytes), so it cannot be written back.`,
    });
    expect(await valueOf('/rv/big-before')).toBe('small');
  });

  async function syncSrcIntoDst(): Promise<string> {
    const { jobId: compareId } = await client.call('compare.start', {
      left: { type: 'connection', connectionId: ids.dev, path: '/src' },
      right: { type: 'connection', connectionId: ids.dev, path: '/dst' },
    });
    await poll(() => client.call('compare.result', { jobId: compareId }));
    const plan = await client.call('sync.plan', {
      compareJobId: compareId,
      direction: 'left-to-right',
      delete: true,
    });
    const { jobId } = await client.call('sync.apply', {
      planId: plan.planId,
      paths: plan.items.map((i) => i.path),
    });
    const result = (await poll(() => client.call('sync.result', { jobId }))) as MethodOutput<'sync.result'>;
    expect(result.report!.failed).toEqual([]);
    return result.report!.syncId;
  }

  it('reverts a whole sync as a group, newest write first: the nodes are back', async () => {
    for (const [path, value] of [
      ['/src/changed', 'new'],
      ['/src/added', 'added'],
      ['/dst/changed', 'old'],
      ['/dst/extra', 'extra'],
    ])
      await create(path!, value!);
    const syncId = await syncSrcIntoDst();
    expect(await valueOf('/dst/changed')).toBe('new');
    expect(await valueOf('/dst/added')).toBe('added');
    expect(await valueOf('/dst/extra')).toBeNull();

    const plan = await client.call('audit.revertPlan', { syncId });
    expect(plan.syncId).toBe(syncId);
    expect(plan.items.map((i) => `${i.action} ${i.path} ${i.state}`).sort()).toEqual([
      'create /dst/extra ready',
      'delete /dst/added ready',
      'set /dst/changed ready',
    ]);
    const seqs = plan.items.map((i) => i.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const report = await client.call('audit.revertGroup', { syncId });
    expect(report.reverted).toBe(3);
    expect(await valueOf('/dst/changed')).toBe('old');
    expect(await valueOf('/dst/added')).toBeNull();
    expect(await valueOf('/dst/extra')).toBe('extra');
    for (const item of report.items)
      expect((await entry(item.revertSeq!)).details).toMatchObject({
        revertOf: item.seq,
        revertOfSync: syncId,
      });
  });

  it('needs the typed path on a prod connection and refuses a read-only one, each refusal audited', async () => {
    await client.call('node.create', {
      connectionId: ids.prod,
      path: '/rv/prod',
      valueBase64: b64('p1'),
      confirmation: '/rv/prod',
    });
    const seq = await set('/rv/prod', 'p2', ids.prod, '/rv/prod');
    const unconfirmed = await client.failure('audit.revert', { seq });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect((await client.call('audit.list', { connectionId: ids.prod, limit: 1 })).entries[0]).toMatchObject({
      operation: 'revert',
      outcome: 'refused',
      path: '/rv/prod',
    });
    expect(await valueOf('/rv/prod')).toBe('p2');
    const confirmed = await client.call('audit.revert', { seq, confirmation: '/rv/prod' });
    expect(confirmed.reverted).toBe(1);
    expect(await valueOf('/rv/prod')).toBe('p1');

    await client.failure('node.set', {
      connectionId: ids.ro,
      path: '/rv/prod',
      valueBase64: b64('x'),
      token: null,
    });
    const roSeq = await newestSeq(ids.ro);
    expect((await client.failure('audit.revert', { seq: roSeq })).code).toBe('READ_ONLY');
    expect((await client.call('audit.list', { connectionId: ids.ro, limit: 1 })).entries[0]).toMatchObject({
      operation: 'revert',
      outcome: 'refused',
    });
  });

  it('names the deleted connection of an entry that can no longer be reverted', async () => {
    const temp = (
      await client.call('connections.save', {
        name: 'zk-temp',
        kind: 'zookeeper',
        endpoints: [zk.connectString],
      })
    ).id;
    await client.call('node.create', { connectionId: temp, path: '/rv/temp', valueBase64: b64('t') });
    const seq = await newestSeq(temp);
    await client.call('connections.delete', { id: temp });
    const gone = await client.failure('audit.revert', { seq });
    expect(gone).toMatchObject({
      code: 'NOT_FOUND',
      message: `The connection "zk-temp" of entry ${seq} was deleted, so the entry cannot be reverted.`,
    });
    expect(await valueOf('/rv/temp')).toBe('t');
  });

  it('CLI: configdeck audit revert exits 0 when reverted, 1 when moved, 2 unconfirmed on prod; history lists', async () => {
    await create('/rv/cli', 'c1');
    const seq = await set('/rv/cli', 'c2');
    const moved = await set('/rv/cli', 'c3');
    await plain.setData('/rv/cli', Buffer.from('c4'));
    const refused = await runCli(client.dataDir, 'audit', 'revert', String(moved));
    expect(refused).toMatchObject({
      code: 1,
      stdout: `Entry ${moved} was not reverted: /rv/cli changed since entry ${moved}: its value is no longer the one written then.\n`,
    });
    await plain.setData('/rv/cli', Buffer.from('c2'));
    const done = await runCli(client.dataDir, 'audit', 'revert', String(seq));
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      new RegExp(
        `^Reverted entry ${seq}: wrote its value before back to /rv/cli \\(audit entry \\d+\\)\\.\\n$`,
      ),
    );
    expect(await valueOf('/rv/cli')).toBe('c1');

    const prodSeq = await set('/rv/prod', 'p3', ids.prod, '/rv/prod');
    const unconfirmed = await runCli(client.dataDir, 'audit', 'revert', String(prodSeq));
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/"zk-prod" is a prod connection: type the path \/rv\/prod to confirm/);
    const yes = await runCli(client.dataDir, 'audit', 'revert', String(prodSeq), '--yes');
    expect(yes.code).toBe(0);
    expect(await valueOf('/rv/prod')).toBe('p1');

    const history = await runCli(client.dataDir, 'history', '@zk/rv/cli', '--limit', '3');
    expect(history.code).toBe(0);
    const lines = history.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split('  ')).toEqual([
      expect.stringMatching(/^audit:\d+$/),
      expect.stringMatching(/^2026-|^\d{4}-\d\d-\d\dT/),
      'update',
      expect.stringMatching(/^\S+@\S+$/),
      '2 B',
      expect.stringMatching(/^This machine's audit entry \d+\.$/),
    ]);
    expect(lines[3]).toBe(
      "ZooKeeper keeps no history of values: these are this machine's audit entries for the node and what the Watch tab recorded.",
    );
    const json = await runCli(client.dataDir, 'history', '@zk/rv/cli', '--json');
    const report = JSON.parse(json.stdout) as MethodOutput<'history.list'>;
    expect(report.serverKeeps).toBe(false);
    // Created, set twice, and the revert's own set.
    expect(report.entries.map((e) => e.operation)).toEqual(['update', 'update', 'update', 'create']);
    const bad = await runCli(client.dataDir, 'audit', 'revert', 'nine');
    expect(bad.code).toBe(2);
  });
});

async function poll<T extends { state: string }>(read: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const result = await read();
    if (result.state !== 'running') return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the job did not finish');
}
