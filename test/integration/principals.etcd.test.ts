import { Etcd3, Range } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { capabilitiesOf } from '../../electron/core/backends/capabilities.js';
import { createEtcdDriver } from '../../electron/core/backends/etcd/etcd.driver.js';
import type { Principal } from '../../shared/model/principals.js';
import { etcdProfile, startEtcd, type EtcdServer } from '../servers/etcd.server.js';

const ROOT_PASSWORD = 'root-secret';
const READER_PASSWORD = 'reader-secret';
const driver = createEtcdDriver();

let secured: EtcdServer;
let open: EtcdServer;
let asRoot: BackendSession;
let asReader: BackendSession;
let anonymous: BackendSession;

function find(principals: readonly Principal[], type: Principal['type'], name: string): Principal {
  const found = principals.find((p) => p.type === type && p.name === name);
  if (!found) throw new Error(`no ${type} ${name} in ${JSON.stringify(principals)}`);
  return found;
}

/** Roles with prefix, key and range permissions, a reader user and an ops user, made as root. */
async function seedAuth(endpoint: string): Promise<void> {
  const root = new Etcd3({
    hosts: `http://${endpoint}`,
    auth: { username: 'root', password: ROOT_PASSWORD },
  });
  try {
    await root.role('app-reader').create();
    await root.role('app-reader').grant({ permission: 'Read', range: Range.prefix('/app/') });
    await root.role('app-reader').grant({ permission: 'Read', key: '/shared/flags' });
    await root.role('ops').create();
    await root.role('ops').grant({ permission: 'Readwrite', range: Range.prefix('/ops/') });
    await root.role('ops').grant({ permission: 'Write', range: new Range('/a', '/c') });
    await root.user('reader').create(READER_PASSWORD);
    await root.user('reader').addRole('app-reader');
    await root.user('ops').create('ops-secret');
    await root.user('ops').addRole('ops');
    await root.user('ops').addRole('app-reader');
  } finally {
    root.close();
  }
}

beforeAll(async () => {
  [secured, open] = await Promise.all([startEtcd({ auth: { rootPassword: ROOT_PASSWORD } }), startEtcd()]);
  await seedAuth(secured.endpoint);
  const login = (username: string, password: string) =>
    etcdProfile([secured.endpoint], { auth: { username, hasPassword: true }, password });
  asRoot = await driver.connect(login('root', ROOT_PASSWORD));
  asReader = await driver.connect(login('reader', READER_PASSWORD));
  anonymous = await driver.connect(etcdProfile([open.endpoint]));
}, 60_000);

afterAll(async () => {
  await Promise.all([asRoot?.close(), asReader?.close(), anonymous?.close()]);
  await Promise.all([secured?.stop(), open?.stop()]);
});

describe('etcd users and roles, read-only, against a real etcd with authentication', () => {
  it('offers the principals capability', () => {
    expect(capabilitiesOf(asRoot).principals).toBe(true);
  });

  it('lists every user with its roles and every role with its permissions as root', async () => {
    const report = await asRoot.principals!.list();
    expect(report.kind).toBe('etcd');
    expect(report.notes).toEqual([]);
    const users = report.principals.filter((p) => p.type === 'user').map((p) => p.name);
    expect(users.sort()).toEqual(['ops', 'reader', 'root']);
    const roles = report.principals.filter((p) => p.type === 'role').map((p) => p.name);
    expect(roles.sort()).toEqual(['app-reader', 'ops', 'root']);

    expect(find(report.principals, 'role', 'app-reader').grants).toEqual(
      expect.arrayContaining([
        { access: 'read', scope: '/app/*', note: null },
        { access: 'read', scope: '/shared/flags', note: null },
      ]),
    );
    expect(find(report.principals, 'role', 'ops').grants).toEqual(
      expect.arrayContaining([
        { access: 'readwrite', scope: '/ops/*', note: null },
        { access: 'write', scope: '[/a, /c)', note: null },
      ]),
    );
    const ops = find(report.principals, 'user', 'ops');
    expect(ops.roles.sort()).toEqual(['app-reader', 'ops']);
    expect(ops.grants).toEqual(
      expect.arrayContaining([
        { access: 'readwrite', scope: '/ops/*', note: 'role ops' },
        { access: 'read', scope: '/app/*', note: 'role app-reader' },
      ]),
    );
    expect(ops.grants).toHaveLength(4);
    const root = find(report.principals, 'user', 'root');
    expect(root.self).toBe(true);
    expect(root.grants).toEqual([{ access: 'readwrite', scope: '*', note: 'role root' }]);
    expect(find(report.principals, 'user', 'reader').self).toBe(false);
  });

  it('tells a user without the root role that it may not list, and shows its own user and roles', async () => {
    const report = await asReader.principals!.list();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/"reader" may not list users and roles.*root role/);
    expect(report.principals.map((p) => `${p.type}:${p.name}`)).toEqual(['user:reader', 'role:app-reader']);
    const reader = find(report.principals, 'user', 'reader');
    expect(reader.self).toBe(true);
    expect(reader.grants).toEqual([
      { access: 'read', scope: '/app/*', note: 'role app-reader' },
      { access: 'read', scope: '/shared/flags', note: 'role app-reader' },
    ]);
  });

  it('says authentication is off on an etcd without it, with no principals', async () => {
    const report = await anonymous.principals!.list();
    expect(report.principals).toEqual([]);
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/Authentication is not enabled on this etcd/);
  });
});
