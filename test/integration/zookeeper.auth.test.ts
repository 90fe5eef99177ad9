import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { Perm } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from './support/zk-client.js';
import { digestAclId } from '../../electron/core/backends/zookeeper/zookeeper.acl.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';

const driver = createZooKeeperDriver();
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to reject');
}

/** Seeds a node readable only by alice (digest), with its ACL given at create time. */
async function createProtectedNode(connectString: string, path = '/secret'): Promise<void> {
  const client = await connectedZkClient(connectString, {
    auth: [{ scheme: 'digest', auth: utf8('alice:secret') }],
  });
  try {
    await client.create(path, utf8('for alice'), {
      acl: [{ perms: Perm.all, id: { scheme: 'digest', id: digestAclId('alice', 'secret') } }],
    });
  } finally {
    await client.close();
  }
}

let server: ZooKeeperServer;
const sessions: BackendSession[] = [];

async function connectAs(username: string | null, password: string | null): Promise<BackendSession> {
  const session = await driver.connect(
    zooKeeperProfile(server.connectString, {
      auth: username === null ? null : { username, hasPassword: password !== null },
      password,
    }),
  );
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  server = await startZooKeeper({ superDigest: digestAclId('super', 'admin') });
  await createProtectedNode(server.connectString);
  await createProtectedNode(server.connectString, '/unreadable');
});

afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
  await server?.stop();
});

describe('ZooKeeper driver: digest auth and ACLs', () => {
  it('reads a digest-protected node only with the right credentials', async () => {
    const alice = await connectAs('alice', 'secret');
    const value = await alice.get('/secret', { maxBytes: 0 });
    expect(Buffer.from(value.valueBase64, 'base64').toString('utf8')).toBe('for alice');
    expect(value.acls).toEqual([
      { scheme: 'digest', id: digestAclId('alice', 'secret'), permissions: 'crwda' },
    ]);
    expect((await alice.set('/secret', utf8('still alice'), value.token)).node.token).toBe('1');

    const anonymous = await connectAs(null, null);
    const denied = await rejection(anonymous.get('/secret', { maxBytes: 0 }));
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect(denied.message).toContain('/secret');
    expect((await rejection(anonymous.set('/secret', utf8('mallory'), null))).code).toBe('PERMISSION_DENIED');
    // Listing the parent needs no permission on the child: the entry shows, its stat too.
    const page = await anonymous.listChildren('/', { cursor: null, limit: 10, filter: 'secret' });
    expect(page.entries.map((entry) => entry.name)).toEqual(['secret']);
  });

  it('deletes a node it may not read when the parent allows it, its value before unknown', async () => {
    // ZooKeeper checks DELETE on the parent (open here), not READ on the node.
    const anonymous = await connectAs(null, null);
    expect((await rejection(anonymous.get('/unreadable', { maxBytes: 0 }))).code).toBe('PERMISSION_DENIED');
    expect(await anonymous.delete('/unreadable', { recursive: false, token: null })).toEqual({
      deleted: 1,
      before: null,
    });
    expect((await rejection(anonymous.delete('/unreadable', { recursive: false, token: null }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a wrong password when the node is used (ZooKeeper accepts any digest login)', async () => {
    const wrong = await connectAs('alice', 'wrong');
    const error = await rejection(wrong.get('/secret', { maxBytes: 0 }));
    expect(['PERMISSION_DENIED', 'AUTH_FAILED']).toContain(error.code);
  });

  it('lets the configured super user read every node', async () => {
    const root = await connectAs('super', 'admin');
    expect((await root.get('/secret', { maxBytes: 0 })).size).toBeGreaterThan(0);
  });

  it('refuses a user name a digest login cannot carry', async () => {
    const error = await rejection(connectAs('ali:ce', 'secret'));
    expect(error.code).toBe('INVALID_INPUT');
  });
});
