// Profile export and import through the core contract, against a real etcd with authentication: an export
// without a passphrase carries no secret; one with a passphrase restores the password in a fresh data
// directory, where the imported profile really connects with it; the preview counts by name.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../shared/model/connection.js';
import { importConnectionsFile } from '../../electron/host/connections.file.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

const PASSPHRASE = 'a team passphrase';
let secured: EtcdServer;
let plain: EtcdServer;
let source: CoreClient;
const clients: CoreClient[] = [];

async function freshClient(): Promise<CoreClient> {
  const client = await startCoreClient();
  clients.push(client);
  return client;
}

const byName = async (client: CoreClient): Promise<Map<string, ConnectionProfile>> =>
  new Map((await client.call('connections.list', {})).map((profile) => [profile.name, profile]));

beforeAll(async () => {
  [secured, plain, source] = await Promise.all([
    startEtcd({ auth: { rootPassword: 'right-password' } }),
    startEtcd(),
    startCoreClient(),
  ]);
  clients.push(source);
  const team = await source.call('connections.save', {
    name: 'etcd team',
    kind: 'etcd',
    endpoints: [secured.endpoint],
    environment: 'prod',
    folder: 'payments/etcd',
    auth: { username: 'root', password: 'right-password' },
  });
  await source.call('node.create', {
    connectionId: team.id,
    path: '/app/flag',
    valueBase64: b64('on'),
    confirmation: '/app/flag',
  });
  await source.call('connections.save', {
    name: 'etcd readonly',
    kind: 'etcd',
    endpoints: [plain.endpoint],
    environment: 'staging',
    readOnly: true,
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all([secured?.stop(), plain?.stop()]);
});

describe('profile export', () => {
  it('without a passphrase holds no secret, in the --connections format, colour, read-only and folder kept', async () => {
    const exported = await source.call('connections.export', {});
    expect(exported).toMatchObject({ profiles: 2, secrets: 0 });
    expect(exported.text).not.toContain('right-password');
    expect(exported.text).not.toContain('sealedPassword');
    const entries = JSON.parse(exported.text) as Array<Record<string, unknown>>;
    expect(entries).toEqual([
      expect.objectContaining({
        name: 'etcd team',
        environment: 'prod',
        readOnly: false,
        folder: 'payments/etcd',
        auth: { username: 'root' },
      }),
      expect.objectContaining({ name: 'etcd readonly', environment: 'staging', readOnly: true, auth: null }),
    ]);
    expect(entries[0]).not.toHaveProperty('id');

    // The browser host's --connections loader reads the very same file.
    const target = await freshClient();
    const file = join(target.dataDir, 'team.json');
    await writeFile(file, exported.text);
    expect(await importConnectionsFile(target.core, file)).toBe(2);
    const loaded = await byName(target);
    expect(loaded.get('etcd team')).toMatchObject({ environment: 'prod', folder: 'payments/etcd' });
    expect(loaded.get('etcd team')?.auth).toEqual({ username: 'root', hasPassword: false });
    expect(loaded.get('etcd readonly')?.readOnly).toBe(true);
    // Without its password the profile cannot read the secured server: the secret is what the next test restores.
    const denied = await target.failure('node.get', {
      connectionId: loaded.get('etcd team')?.id ?? '',
      path: '/app/flag',
    });
    expect(denied.code).not.toBe('NOT_FOUND');
  });

  it('with a passphrase restores the password in a fresh data directory, and the connection works with it', async () => {
    const exported = await source.call('connections.export', { passphrase: PASSPHRASE });
    expect(exported).toMatchObject({ profiles: 2, secrets: 1 });
    expect(exported.text).not.toContain('right-password');
    expect(exported.text).toContain('scrypt-aes-256-gcm');

    const target = await freshClient();
    const preview = await target.call('connections.importPreview', {
      text: exported.text,
      passphrase: PASSPHRASE,
    });
    expect(preview).toEqual({
      added: ['etcd team', 'etcd readonly'],
      updated: [],
      unchanged: [],
      secrets: 1,
    });
    expect(await target.call('connections.list', {})).toEqual([]);

    expect(await target.call('connections.import', { text: exported.text, passphrase: PASSPHRASE })).toEqual(
      preview,
    );
    const imported = await byName(target);
    const team = imported.get('etcd team');
    expect(team).toMatchObject({ environment: 'prod', readOnly: false, folder: 'payments/etcd' });
    expect(team?.auth).toEqual({ username: 'root', hasPassword: true });
    expect(imported.get('etcd readonly')).toMatchObject({ environment: 'staging', readOnly: true });
    const value = await target.call('node.get', { connectionId: team?.id ?? '', path: '/app/flag' });
    expect(text(value.valueBase64)).toBe('on');

    // Imported again, nothing changes.
    expect(
      await target.call('connections.importPreview', { text: exported.text, passphrase: PASSPHRASE }),
    ).toEqual({ added: [], updated: [], unchanged: ['etcd team', 'etcd readonly'], secrets: 1 });
  });

  it('a wrong passphrase is one sentence and imports nothing; a sealed file needs its passphrase', async () => {
    const exported = await source.call('connections.export', { passphrase: PASSPHRASE });
    const target = await freshClient();
    const wrong = await target.failure('connections.import', {
      text: exported.text,
      passphrase: 'not the one',
    });
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.message).toBe('The passphrase is wrong or the file was changed since it was exported.');
    const none = await target.failure('connections.import', { text: exported.text });
    expect(none.message).toBe('The profiles file holds sealed passwords: give its passphrase.');
    expect(await target.call('connections.list', {})).toEqual([]);
  });

  it('the preview counts added, updated and unchanged by name, and the import applies exactly that', async () => {
    const target = await freshClient();
    const exported = await source.call('connections.export', { passphrase: PASSPHRASE });
    await target.call('connections.import', { text: exported.text, passphrase: PASSPHRASE });
    const readonly = (await byName(target)).get('etcd readonly');
    // Locally the read-only profile went to another folder: the file's version updates it.
    await target.call('connections.save', {
      ...readonly,
      ssh: null,
      id: readonly?.id,
      name: 'etcd readonly',
      kind: 'etcd',
      endpoints: [plain.endpoint],
      folder: 'mine',
      auth: null,
    });
    const entries = JSON.parse(exported.text) as unknown[];
    entries.push({ name: 'zk new', kind: 'zookeeper', endpoints: '127.0.0.1:2181', environment: 'test' });
    const file = JSON.stringify(entries);
    const plan = { added: ['zk new'], updated: ['etcd readonly'], unchanged: ['etcd team'], secrets: 1 };
    expect(await target.call('connections.importPreview', { text: file, passphrase: PASSPHRASE })).toEqual(
      plan,
    );
    expect(await target.call('connections.import', { text: file, passphrase: PASSPHRASE })).toEqual(plan);
    const after = await byName(target);
    expect(after.get('etcd readonly')).toMatchObject({ id: readonly?.id, folder: null, readOnly: true });
    expect(after.get('zk new')).toMatchObject({ environment: 'test', endpoints: ['127.0.0.1:2181'] });
    expect(after.size).toBe(3);
  });

  it('a bad entry names itself and imports nothing', async () => {
    const target = await freshClient();
    const file = JSON.stringify([
      { name: 'fine', kind: 'etcd', endpoints: ['h:2379'] },
      { name: 'broken', kind: 'redis', endpoints: ['h:6379'] },
    ]);
    const error = await target.failure('connections.importPreview', { text: file });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Profile #2 \(kind\): /);
    expect((await target.failure('connections.import', { text: '{"a":1}' })).message).toBe(
      'The profiles file must hold a JSON array.',
    );
    expect(await target.call('connections.list', {})).toEqual([]);
  });
});

describe('folders', () => {
  it('a save that names no folder keeps the saved one; an empty folder is none; old files load without one', async () => {
    const target = await freshClient();
    const input = { name: 'filed', kind: 'etcd' as const, endpoints: ['h:2379'] };
    const saved = await target.call('connections.save', { ...input, folder: ' ops ' });
    expect(saved.folder).toBe('ops');
    expect((await target.call('connections.save', { ...input, id: saved.id })).folder).toBe('ops');
    expect((await target.call('connections.save', { ...input, id: saved.id, folder: '' })).folder).toBeNull();
    const unfiled = await target.call('connections.save', { ...input, name: 'unfiled' });
    expect(unfiled.folder).toBeNull();
  });
});

describe('last used', () => {
  it('records when each profile was opened, newest last, and an export does not carry it', async () => {
    const target = await freshClient();
    const [first, second] = [
      await target.call('connections.save', { name: 'first', kind: 'etcd', endpoints: [plain.endpoint] }),
      await target.call('connections.save', { name: 'second', kind: 'etcd', endpoints: [plain.endpoint] }),
    ];
    expect(await target.call('connections.lastUsed', {})).toEqual({});
    await target.call('connections.open', { id: first.id });
    await target.call('connections.open', { id: second.id });
    const times = await target.call('connections.lastUsed', {});
    expect(Object.keys(times).sort()).toEqual([first.id, second.id].sort());
    expect((times[second.id] ?? '') >= (times[first.id] ?? '')).toBe(true);
    expect((await target.call('connections.export', {})).text).not.toContain('lastUsed');
  });
});

describe('duplicate', () => {
  it('copies a profile under "<name> (copy)" with its password, and the copy connects', async () => {
    const team = (await byName(source)).get('etcd team');
    const copy = await source.call('connections.duplicate', { id: team?.id ?? '' });
    expect(copy).toMatchObject({ name: 'etcd team (copy)', environment: 'prod', folder: 'payments/etcd' });
    expect(copy.id).not.toBe(team?.id);
    expect(copy.auth).toEqual({ username: 'root', hasPassword: true });
    const value = await source.call('node.get', { connectionId: copy.id, path: '/app/flag' });
    expect(text(value.valueBase64)).toBe('on');
    const second = await source.call('connections.duplicate', { id: team?.id ?? '' });
    expect(second.name).toBe('etcd team (copy 2)');
    const named = await source.call('connections.duplicate', { id: team?.id ?? '', name: 'etcd team eu' });
    expect(named.name).toBe('etcd team eu');
    for (const profile of [copy, second, named]) await source.call('connections.delete', { id: profile.id });
  });
});
