import { Etcd3, Range } from 'etcd3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const ROOT_PASSWORD = 'access-root-pw';

const row = (page: Page, type: string, name: string) =>
  page.locator(`[data-testid=access-row][data-type=${type}][data-name="${name}"]`);

/** A reader role on `/app/`, an ops role writing `/ops/`, and a user for each, made as root. */
async function seedAuth(endpoint: string): Promise<void> {
  const root = new Etcd3({
    hosts: `http://${endpoint}`,
    auth: { username: 'root', password: ROOT_PASSWORD },
  });
  try {
    await root.role('app-reader').create();
    await root.role('app-reader').grant({ permission: 'Read', range: Range.prefix('/app/') });
    await root.role('ops').create();
    await root.role('ops').grant({ permission: 'Readwrite', range: Range.prefix('/ops/') });
    await root.user('reader').create('reader-pw');
    await root.user('reader').addRole('app-reader');
    await root.user('deployer').create('deployer-pw');
    await root.user('deployer').addRole('ops');
    await root.user('deployer').addRole('app-reader');
  } finally {
    root.close();
  }
}

// etcd with authentication seen in the real UI: as root the Access tab lists every user and role with its
// key permissions; as a user without the root role it says so above the user's own entry.
describe('the Access view on an etcd with authentication', () => {
  let etcd: EtcdServer;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    etcd = await startEtcd({ auth: { rootPassword: ROOT_PASSWORD } });
    await seedAuth(etcd.endpoint);
    ui = await openConsole([
      {
        name: 'etcd as root',
        kind: 'etcd',
        endpoints: [etcd.endpoint],
        auth: { username: 'root', password: ROOT_PASSWORD },
      },
      {
        name: 'etcd as reader',
        kind: 'etcd',
        endpoints: [etcd.endpoint],
        auth: { username: 'reader', password: 'reader-pw' },
      },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await etcd?.stop();
  });

  it('lists users and roles with what each may read and write, as root', async () => {
    await connect(page, 'etcd as root');
    await page.getByTestId('access-tab').click();
    await page.getByTestId('access-view').waitFor();
    await row(page, 'user', 'deployer').waitFor();
    expect(await page.getByTestId('access-note').count()).toBe(0);
    expect(await page.getByTestId('access-row').count()).toBe(6);

    const deployer = row(page, 'user', 'deployer');
    const grants = await deployer
      .getByTestId('access-grant')
      .evaluateAll((items) =>
        items.map((i) => `${i.getAttribute('data-access')} ${i.getAttribute('data-scope')}`),
      );
    expect(grants.sort()).toEqual(['read /app/*', 'readwrite /ops/*']);
    expect(await deployer.innerText()).toContain('role ops');
    expect(await row(page, 'role', 'app-reader').getByTestId('access-grant').innerText()).toContain('/app/*');
    expect(await row(page, 'user', 'root').getByTestId('access-self').count()).toBe(1);
    await screenshot(page, 'access-etcd-root');

    await page.getByTestId('access-filter').fill('/ops/');
    await expect.poll(() => page.getByTestId('access-row').count()).toBe(2);
    expect(await page.getByTestId('access-count').innerText()).toBe('2 of 6');
    await page.getByTestId('access-filter').fill('');
    await page.getByTestId('access-type').selectOption('role');
    await expect.poll(() => page.getByTestId('access-row').count()).toBe(3);
    await page.getByTestId('access-type').selectOption('');
  });

  it('says a user without the root role may not list, and shows its own user and roles', async () => {
    await connect(page, 'etcd as reader');
    await page.getByTestId('access-tab').click();
    await page.getByTestId('access-note').waitFor();
    expect(await page.getByTestId('access-note').innerText()).toContain(
      'The etcd user "reader" may not list users and roles',
    );
    await row(page, 'user', 'reader').waitFor();
    expect(await page.getByTestId('access-row').count()).toBe(2);
    expect(await row(page, 'user', 'reader').getByTestId('access-self').count()).toBe(1);
    await screenshot(page, 'access-etcd-reader');
  });
});

const CONSUL_BOOTSTRAP = '0b6a4c52-8e3f-4d1a-9c77-2f5e8d9a1b34';

async function consulApi<T>(server: ConsulServer, path: string, body: object): Promise<T> {
  const response = await fetch(`http://${server.endpoint}${path}`, {
    method: 'PUT',
    headers: { 'X-Consul-Token': CONSUL_BOOTSTRAP },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

// Consul with ACLs in the real UI: tokens by AccessorID with the grants of their policies, a policy's rules
// folded out, and no SecretID anywhere on the page.
describe('the Access view on a Consul agent with ACLs', () => {
  let consul: ConsulServer;
  let ui: ConsolePage;
  let page: Page;
  let token: { AccessorID: string; SecretID: string };

  beforeAll(async () => {
    consul = await startConsul({ aclMasterToken: CONSUL_BOOTSTRAP });
    await consulApi(consul, '/v1/acl/policy', {
      Name: 'app-config',
      Rules: 'key_prefix "app/" { policy = "read" }\nkey_prefix "app/runtime/" { policy = "write" }',
    });
    token = await consulApi(consul, '/v1/acl/token', {
      Description: 'app deploys',
      Policies: [{ Name: 'app-config' }],
    });
    ui = await openConsole([
      {
        name: 'consul acl',
        kind: 'consul',
        endpoints: [consul.endpoint],
        auth: { password: CONSUL_BOOTSTRAP },
      },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await consul?.stop();
  });

  it('lists tokens with their grants and policies with their rules, never a SecretID', async () => {
    await connect(page, 'consul acl');
    await page.getByTestId('access-tab').click();
    const app = row(page, 'token', token.AccessorID);
    await app.waitFor();
    expect(await app.innerText()).toContain('app deploys');
    const grants = await app
      .getByTestId('access-grant')
      .evaluateAll((items) =>
        items.map((i) => `${i.getAttribute('data-access')} ${i.getAttribute('data-scope')}`),
      );
    expect(grants).toEqual(['read key_prefix "app/"', 'readwrite key_prefix "app/runtime/"']);
    const policy = row(page, 'policy', 'app-config');
    await policy.waitFor();
    await page.locator('.access-rules summary').first().click();
    expect(await page.getByTestId('access-rules').first().innerText()).toContain('key_prefix "app/"');
    const text = await page.getByTestId('access-view').innerText();
    expect(text).not.toContain(token.SecretID);
    expect(text).not.toContain(CONSUL_BOOTSTRAP);
    await screenshot(page, 'access-consul');
  });
});
