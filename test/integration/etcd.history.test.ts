import { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import type { MethodOutput } from '../../shared/contract/methods.js';
import { runCli } from './support/cli-runner.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// etcd keeps every revision of a key until it is compacted: the History pane walks them (every put and delete
// replayed since the compaction), across lives of the key, and names the revision where the list stops.
describe('etcd history through the contract', () => {
  let etcd: EtcdServer;
  let client: CoreClient;
  let plain: Etcd3;
  let id: string;

  beforeAll(async () => {
    [etcd, client] = await Promise.all([startEtcd(), startCoreClient()]);
    plain = new Etcd3({ hosts: `http://${etcd.endpoint}` });
    id = (
      await client.call('connections.save', {
        name: 'etcd-history',
        kind: 'etcd',
        endpoints: [etcd.endpoint],
      })
    ).id;
    expect((await client.call('connections.open', { id })).capabilities.history).toBe(true);
  });

  afterAll(async () => {
    plain?.close();
    await client?.close();
    await etcd?.stop();
  });

  const list = (path: string, limit = 100) => client.call('history.list', { connectionId: id, path, limit });
  const get = (path: string, versionId: string) =>
    client.call('history.get', { connectionId: id, path, id: versionId });

  async function write(path: string, value: string): Promise<void> {
    const now = await client.call('node.get', { connectionId: id, path }).catch(() => null);
    if (now === null) await client.call('node.create', { connectionId: id, path, valueBase64: b64(value) });
    else await client.call('node.set', { connectionId: id, path, valueBase64: b64(value), token: now.token });
  }

  it('lists five versions newest first with revision, version and size, and reads each one', async () => {
    const path = '/h/five';
    for (const n of [1, 2, 3, 4, 5]) await write(path, `value ${n}`);
    const report = await list(path);
    expect(report.serverKeeps).toBe(true);
    expect(report.notes).toEqual([]);
    expect(report.entries.map((e) => [e.operation, e.version, e.size, e.source])).toEqual([
      ['update', '5', 7, 'server'],
      ['update', '4', 7, 'server'],
      ['update', '3', 7, 'server'],
      ['update', '2', 7, 'server'],
      ['create', '1', 7, 'server'],
    ]);
    const revisions = report.entries.map((e) => Number(e.revision));
    expect([...revisions].sort((a, b) => b - a)).toEqual(revisions);
    expect(report.entries.map((e) => e.id)).toEqual(revisions.map((r) => `server:${r}`));
    expect(report.entries[0]!.note).toBe('The current version.');
    const values = await Promise.all(report.entries.map((e) => get(path, e.id)));
    expect(values.map((v) => text(v.valueBase64!))).toEqual([
      'value 5',
      'value 4',
      'value 3',
      'value 2',
      'value 1',
    ]);
    expect((await list(path, 2)).entries.map((e) => e.version)).toEqual(['5', '4']);
  });

  it('shows a delete between two lives of the key, and the earlier life before it', async () => {
    const path = '/h/lives';
    await write(path, 'first life 1');
    await write(path, 'first life 2');
    await client.call('node.delete', { connectionId: id, path });
    // A second, plain client re-creates it: the history is the server's, whoever wrote.
    await plain.put('/h/lives').value('second life');
    const { entries } = await list(path);
    expect(entries.map((e) => [e.operation, e.version, e.restorable])).toEqual([
      ['create', '1', true],
      ['delete', null, false],
      ['update', '2', true],
      ['create', '1', true],
    ]);
    expect(entries[1]!.note).toBe(`The key was deleted at revision ${entries[1]!.revision}.`);
    const deletion = await get(path, entries[1]!.id);
    expect(deletion).toMatchObject({ operation: 'delete', valueBase64: null, restorable: false });
    expect(text((await get(path, entries[2]!.id)).valueBase64!)).toBe('first life 2');
    expect(text((await get(path, entries[0]!.id)).valueBase64!)).toBe('second life');
    expect((await client.failure('history.get', { connectionId: id, path, id: 'server:1' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists a key that is absent now down to its delete', async () => {
    const path = '/h/gone';
    await write(path, 'only');
    await client.call('node.delete', { connectionId: id, path });
    const { entries } = await list(path);
    expect(entries.map((e) => e.operation)).toEqual(['delete', 'create']);
  });

  it('names the compacted revision where the list stops, and keeps the version held then', async () => {
    const path = '/h/compacted';
    for (const n of [1, 2, 3]) await write(path, `c${n}`);
    await write('/h/still', 'written once, before the compaction');
    const before = await list(path);
    // An unrelated write after the third version: the compaction's revision, where c3 is still the value.
    const kept = Number((await plain.put('/h/elsewhere').value('x').exec()).header.revision);
    await write(path, 'c4');
    await write(path, 'c5');
    // Compacts up to just after the third version: the first two are gone, the third is still readable.
    await plain.kv.compact({ revision: String(kept), physical: true });
    const report = await list(path);
    expect(report.notes).toEqual([`Older versions were compacted at revision ${kept}.`]);
    expect(report.entries.map((e) => e.version)).toEqual(['5', '4', '3']);
    expect(report.entries[2]!.note).toBe(`The version the key held when etcd compacted at revision ${kept}.`);
    expect(text((await get(path, report.entries[2]!.id)).valueBase64!)).toBe('c3');
    // A key unchanged since before the compaction: its one version, still readable, and the note.
    const still = await list('/h/still');
    expect(still.notes).toEqual([`Older versions were compacted at revision ${kept}.`]);
    expect(still.entries.map((e) => [e.operation, e.version])).toEqual([['create', '1']]);
    expect(text((await get('/h/still', still.entries[0]!.id)).valueBase64!)).toBe(
      'written once, before the compaction',
    );
    const gone = await client.failure('history.get', { connectionId: id, path, id: before.entries[2]!.id });
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.message).toMatch(new RegExp(`was compacted; the oldest revision kept is ${kept}`));
  });

  it('CLI: configdeck history prints one line per revision, newest first, and the report with --json', async () => {
    for (const n of [1, 2, 3, 4, 5]) await write('/h/cli', `value ${n}`);
    const source = `etcd://${etcd.endpoint}/h/cli`;
    const run = await runCli(client.dataDir, 'history', source, '--limit', '2');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('Only the newest 2 versions are listed.');
    expect(lines[0]).toMatch(/^server:(\d+) {2}rev \1 v5 {2}update {2}– {2}7 B {2}The current version\.$/);
    expect(lines[1]).toMatch(/^server:(\d+) {2}rev \1 v4 {2}update {2}– {2}7 B$/);
    const json = await runCli(client.dataDir, 'history', source, '--json');
    const report = JSON.parse(json.stdout) as MethodOutput<'history.list'>;
    expect(report.entries.map((e) => e.version)).toEqual(['5', '4', '3', '2', '1']);
    const folder = await runCli(client.dataDir, 'history', `etcd://${etcd.endpoint}/h`);
    // A folder of keys is no key: nothing to list.
    expect(folder.code).toBe(0);
    expect(folder.stdout).toMatch(
      /^No versions of \/h are known\.\nOlder versions were compacted at revision \d+\.\n$/,
    );
  });

  it('restores a version with the token read, and refuses it when a second client moved the key in between', async () => {
    const path = '/h/restore';
    for (const n of [1, 2, 3]) await write(path, `r${n}`);
    const { entries } = await list(path);
    const oldest = entries.at(-1)!;
    const read = await client.call('node.get', { connectionId: id, path });
    await plain.put('/h/restore').value('moved by another client');
    const conflict = await client.failure('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: read.token,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(text((await client.call('node.get', { connectionId: id, path })).valueBase64)).toBe(
      'moved by another client',
    );

    const now = await client.call('node.get', { connectionId: id, path });
    const restored = await client.call('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: now.token,
    });
    expect(text(restored.valueBase64)).toBe('r1');
    const { entries: audited } = await client.call('audit.list', { connectionId: id, path, limit: 2 });
    expect(audited.map((e) => [e.operation, e.outcome, e.details?.['restoreOf']])).toEqual([
      ['set', 'ok', oldest.id],
      ['set', 'conflict', oldest.id],
    ]);
    // A key deleted since is created again (the token read is null).
    await client.call('node.delete', { connectionId: id, path });
    const again = await client.call('history.restore', {
      connectionId: id,
      path,
      id: oldest.id,
      token: null,
    });
    expect(text(again.valueBase64)).toBe('r1');
  });

  it('reverts a set, a create and a delete on etcd, and refuses when a second client wrote in between', async () => {
    const newest = async (): Promise<number> =>
      (await client.call('audit.list', { connectionId: id, limit: 1 })).entries[0]!.seq;
    const valueOf = async (path: string): Promise<string | null> =>
      client.call('node.get', { connectionId: id, path }).then(
        (node) => (node.hasValue ? text(node.valueBase64) : null),
        () => null,
      );
    await write('/h/rv/set', 'before');
    await write('/h/rv/set', 'after');
    const set = await newest();
    await write('/h/rv/created', 'new');
    const created = await newest();
    await write('/h/rv/deleted', 'kept');
    await client.call('node.delete', { connectionId: id, path: '/h/rv/deleted' });
    const deleted = await newest();
    await write('/h/rv/moved', 'before');
    await write('/h/rv/moved', 'after');
    const moved = await newest();
    await plain.put('/h/rv/moved').value('someone else');

    for (const seq of [set, created, deleted])
      expect((await client.call('audit.revert', { seq })).items[0]).toMatchObject({ outcome: 'reverted' });
    expect(await valueOf('/h/rv/set')).toBe('before');
    expect(await valueOf('/h/rv/created')).toBeNull();
    expect(await valueOf('/h/rv/deleted')).toBe('kept');
    expect((await client.call('audit.revert', { seq: moved })).items[0]).toMatchObject({ outcome: 'moved' });
    expect(await valueOf('/h/rv/moved')).toBe('someone else');
    // The reverts are etcd revisions like any other write: the history shows them.
    const { entries } = await list('/h/rv/set');
    expect(entries.map((e) => e.operation)).toEqual(['update', 'update', 'create']);
  });

  it('replays a long history (more revisions than etcd sends at once) and lists the newest, also once deleted', async () => {
    for (let n = 1; n <= 1100; n++) await plain.put('/h/long').value(`v${n}`);
    const { entries, notes } = await list('/h/long', 3);
    expect(entries.map((e) => e.version)).toEqual(['1100', '1099', '1098']);
    expect(notes).toContain('Only the newest 3 versions are listed.');
    await plain.delete().key('/h/long');
    const gone = await list('/h/long', 2);
    expect(gone.entries.map((e) => [e.operation, e.version])).toEqual([
      ['delete', null],
      ['update', '1100'],
    ]);
  });
});
