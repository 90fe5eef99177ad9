import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { capabilitiesOf } from '../../electron/core/backends/capabilities.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import type { Principal } from '../../shared/model/principals.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

const BOOTSTRAP = '6f0d2a0e-3c6b-4c8e-9a51-0b7d1e4c2a10';
const driver = createConsulDriver();

let secured: ConsulServer;
let open: ConsulServer;
let asManager: BackendSession;
let asApp: BackendSession;
let anonymous: BackendSession;
let tokenless: BackendSession;
/** The app token's SecretID, which no report may carry. */
let appSecret: string;
let appAccessor: string;

async function api<T>(method: 'PUT' | 'GET', path: string, body?: object): Promise<T> {
  const response = await fetch(`http://${secured.endpoint}${path}`, {
    method,
    headers: { 'X-Consul-Token': BOOTSTRAP },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function find(principals: readonly Principal[], type: Principal['type'], name: string): Principal {
  const found = principals.find((p) => p.type === type && p.name === name);
  if (!found) throw new Error(`no ${type} ${name} in ${JSON.stringify(principals.map((p) => p.name))}`);
  return found;
}

/** A policy with key_prefix rules, one that reads ACLs, a role, and tokens made with the bootstrap token. */
async function seedAcls(): Promise<void> {
  await api('PUT', '/v1/acl/policy', {
    Name: 'app-config',
    Description: 'the app reads its config',
    Rules: 'key_prefix "app/" {\n  policy = "read"\n}\nkey_prefix "app/runtime/" { policy = "write" }\n',
  });
  await api('PUT', '/v1/acl/policy', { Name: 'acl-reader', Rules: 'acl = "read"' });
  await api('PUT', '/v1/acl/role', {
    Name: 'web-deployer',
    Description: 'deploys web',
    Policies: [{ Name: 'app-config' }],
    ServiceIdentities: [{ ServiceName: 'web' }],
  });
  const app = await api<{ AccessorID: string; SecretID: string }>('PUT', '/v1/acl/token', {
    Description: 'app token',
    Policies: [{ Name: 'app-config' }],
  });
  appSecret = app.SecretID;
  appAccessor = app.AccessorID;
  await api('PUT', '/v1/acl/token', {
    Description: 'auditor token',
    Policies: [{ Name: 'acl-reader' }],
    Roles: [{ Name: 'web-deployer' }],
  });
}

beforeAll(async () => {
  [secured, open] = await Promise.all([startConsul({ aclMasterToken: BOOTSTRAP }), startConsul()]);
  await seedAcls();
  asManager = await driver.connect(consulProfile([secured.endpoint], { password: BOOTSTRAP }));
  asApp = await driver.connect(consulProfile([secured.endpoint], { password: appSecret }));
  anonymous = await driver.connect(consulProfile([open.endpoint]));
  tokenless = await driver.connect(consulProfile([secured.endpoint]));
}, 120_000);

afterAll(async () => {
  await Promise.all([asManager?.close(), asApp?.close(), anonymous?.close(), tokenless?.close()]);
  await Promise.all([secured?.stop(), open?.stop()]);
});

describe('Consul ACL tokens, policies and roles, read-only, against a real agent with ACLs', () => {
  it('offers the principals capability', () => {
    expect(capabilitiesOf(asManager).principals).toBe(true);
  });

  it('lists tokens by AccessorID with the grants of their policies and roles, and policies with rules', async () => {
    const report = await asManager.principals!.list();
    expect(report.kind).toBe('consul');
    expect(report.notes).toEqual([]);

    const policy = find(report.principals, 'policy', 'app-config');
    expect(policy.description).toBe('the app reads its config');
    expect(policy.rules).toContain('key_prefix "app/"');
    expect(policy.grants).toEqual([
      { access: 'read', scope: 'key_prefix "app/"', note: null },
      { access: 'readwrite', scope: 'key_prefix "app/runtime/"', note: null },
    ]);
    expect(find(report.principals, 'policy', 'global-management').grants).toEqual([
      { access: 'readwrite', scope: '*', note: 'every permission' },
    ]);

    const app = find(report.principals, 'token', appAccessor);
    expect(app.description).toBe('app token');
    expect(app.policies).toEqual(['app-config']);
    expect(app.self).toBe(false);
    expect(app.grants).toEqual([
      { access: 'read', scope: 'key_prefix "app/"', note: 'policy app-config' },
      { access: 'readwrite', scope: 'key_prefix "app/runtime/"', note: 'policy app-config' },
    ]);

    const auditor = report.principals.find((p) => p.description === 'auditor token')!;
    expect(auditor.roles).toEqual(['web-deployer']);
    expect(auditor.grants).toEqual(
      expect.arrayContaining([
        { access: 'read', scope: 'acl', note: 'policy acl-reader' },
        { access: 'read', scope: 'key_prefix "app/"', note: 'role web-deployer › policy app-config' },
        { access: 'readwrite', scope: 'service "web"', note: 'service identity web; role web-deployer' },
      ]),
    );
    const role = find(report.principals, 'role', 'web-deployer');
    expect(role.policies).toEqual(['app-config']);
    expect(role.grants).toHaveLength(2 + 4);

    // The bootstrap token is this connection's own, marked, and has the management policy.
    const own = report.principals.filter((p) => p.self);
    expect(own).toHaveLength(1);
    expect(own[0]!.policies).toEqual(['global-management']);
  });

  it('never carries a SecretID', async () => {
    const text = JSON.stringify(await asManager.principals!.list());
    expect(text).not.toContain(appSecret);
    expect(text).not.toContain(BOOTSTRAP);
    expect(text).not.toMatch(/SecretID/);
  });

  it('tells a token without acl:read so, and shows only its own token', async () => {
    const report = await asApp.principals!.list();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/may not read ACLs \(acl:read is needed\)/);
    expect(report.principals).toHaveLength(1);
    expect(report.principals[0]).toMatchObject({
      name: appAccessor,
      type: 'token',
      self: true,
      policies: ['app-config'],
      grants: [],
    });
    expect(JSON.stringify(report)).not.toContain(appSecret);
  });

  it('gives the same note, not a failure, to a connection without a token', async () => {
    const report = await tokenless.principals!.list();
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toMatch(/may not read ACLs/);
    expect(report.principals.every((p) => p.self && p.type === 'token')).toBe(true);
  });

  it('says ACLs are off on an agent without them', async () => {
    const report = await anonymous.principals!.list();
    expect(report).toEqual({
      kind: 'consul',
      principals: [],
      notes: ['ACLs are not enabled on this Consul agent: every client may read and write everything.'],
    });
  });
});
