import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { launchBrowser } from './support/browser.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';
import { startWebApp, type WebApp } from './support/web-app.js';

// The real UI in Chromium against a real Consul agent: KV browsing and CAS edits, the service registry
// with health checks, and the cluster view. A second core (another operator) seeds and changes data;
// services are registered on the agent directly, as a deployed service would.
describe('Consul in the browser', () => {
  let consul: ConsulServer;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let other: CoreClient;
  let consulId: string;

  const read = async (path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId: consulId, path })).valueBase64);

  const agent = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`http://${consul.endpoint}${path}`, {
      method: 'PUT',
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
  };

  const registerInstance = async (
    id: string,
    port: number,
    status: 'passing' | 'critical',
    output: string,
  ) => {
    await agent('/v1/agent/service/register', {
      ID: id,
      Name: 'web',
      Address: '127.0.0.1',
      Port: port,
      Tags: ['http', id],
      Meta: { version: '1.4.2', zone: 'a' },
      // Registered with the opposite status: the agent syncs a check's output to the catalog at once only
      // when its status changes (otherwise after check_update_interval, 5 minutes).
      Check: {
        CheckID: `${id}-ttl`,
        Name: `${id} heartbeat`,
        TTL: '10m',
        Status: status === 'passing' ? 'critical' : 'passing',
      },
    });
    await agent(`/v1/agent/check/update/${id}-ttl`, { Status: status, Output: output });
  };

  beforeAll(async () => {
    consul = await startConsul();
    other = await startCoreClient('other-operator');
    consulId = (
      await other.call('connections.save', {
        name: 'seed-consul',
        kind: 'consul',
        endpoints: [consul.endpoint],
      })
    ).id;
    await other.call('node.create', {
      connectionId: consulId,
      path: '/app/config.json',
      valueBase64: b64('{"feature":true,"limit":10}'),
    });
    await other.call('node.create', {
      connectionId: consulId,
      path: '/app/db/url',
      valueBase64: b64('postgres://db:5432/app'),
    });
    await registerInstance('web-1', 8081, 'passing', 'HTTP GET /health: 200 OK');
    await registerInstance('web-2', 8082, 'critical', 'HTTP GET /health: connection refused');

    app = await startWebApp([
      { name: 'consul dev', kind: 'consul', endpoints: [consul.endpoint], environment: 'dev' },
    ]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await other?.close();
    await consul?.stop();
  });

  it('creates a profile: ACL token field, datacenters from the agent, explicit insecure TLS', async () => {
    await page.getByTestId('new-connection').click();
    await page.getByTestId('connection-form').waitFor();
    await page.getByTestId('conn-kind').selectOption('consul');
    expect(await page.getByTestId('conn-username').count()).toBe(0);
    expect(await page.locator('label[for=conn-password]').innerText()).toBe('ACL token');
    await page.getByTestId('conn-name').fill('consul insecure');
    await page.getByTestId('conn-endpoints').fill(consul.endpoint);
    await page.getByTestId('conn-load-datacenters').click();
    await page.locator('[data-testid=conn-datacenter] option[value=dc1]').waitFor({ state: 'attached' });
    await page.getByTestId('conn-datacenter').selectOption('dc1');
    await page.getByTestId('conn-insecure-tls').check();
    await page.getByTestId('conn-save').click();
    await page.getByTestId('connection-form').waitFor({ state: 'detached' });
    const item = page.locator('[data-testid=connection-item][data-name="consul insecure"]');
    await item.locator('[data-testid=insecure-badge]').waitFor();
    expect(
      await page
        .locator('[data-testid=connection-item][data-name="consul dev"] [data-testid=insecure-badge]')
        .count(),
    ).toBe(0);
    // The saved profile kept the datacenter and the insecure switch.
    await item.locator('[data-testid=edit-connection-button]').click();
    expect(await page.getByTestId('conn-datacenter').inputValue()).toBe('dc1');
    expect(await page.getByTestId('conn-insecure-tls').isChecked()).toBe(true);
    await page.getByTestId('conn-cancel').click();
  });

  it('browses KV keys split into levels and opens a value with its Consul metadata', async () => {
    await connect(page, 'consul dev');
    await page.locator('[data-testid=tree-row][data-path="/app"]').waitFor();
    await page.locator('[data-testid=tree-toggle][data-path="/app"]').click();
    await page.locator('[data-testid=tree-row][data-path="/app/db"]').waitFor();
    await openPath(page, '/app/config.json');
    await expect.poll(() => editorText(page)).toContain('"feature":true');
    expect(await page.getByTestId('format-select').inputValue()).toBe('json');
    await page.locator('[data-testid=meta-row][data-key=modify_index]').waitFor();
    await page.locator('[data-testid=meta-row][data-key=flags]').waitFor();
    // Consul keeps no history itself (the History pane shows what this machine recorded) and has no listeners.
    expect(await page.getByTestId('history-button').count()).toBe(1);
    expect(await page.getByTestId('listeners-button').count()).toBe(0);
  });

  it('saves with the index read, and shows a conflict when another client saved first', async () => {
    await typeIntoEditor(page, '{"feature":false}');
    await saveWithConfirm(page);
    await expect.poll(() => read('/app/config.json')).toBe('{"feature":false}');
    await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });

    await typeIntoEditor(page, '{"mine":true}');
    const current = await other.call('node.get', { connectionId: consulId, path: '/app/config.json' });
    await other.call('node.set', {
      connectionId: consulId,
      path: '/app/config.json',
      valueBase64: b64('{"theirs":true}'),
      token: current.token,
    });
    await saveWithConfirm(page);
    await page.locator('[data-testid=conflict-panel][data-reason=conflict]').waitFor({ timeout: 15_000 });
    expect(await read('/app/config.json')).toBe('{"theirs":true}');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => editorText(page)).toContain('"theirs":true');
  });

  it('shows services with their instances, health badges and check output', async () => {
    await page.getByTestId('services-tab').click();
    await page.getByTestId('services-view').waitFor();
    const web = page.locator('[data-testid=service-row][data-name=web]');
    await web.waitFor();
    expect(await web.innerText()).toContain('1 / 2');
    await web.click();

    const healthy = page.locator('[data-testid=instance-row][data-id=web-1]');
    const failing = page.locator('[data-testid=instance-row][data-id=web-2]');
    await healthy.waitFor();
    expect(await healthy.getAttribute('data-health')).toBe('passing');
    expect(await failing.getAttribute('data-health')).toBe('critical');
    expect(await failing.getAttribute('data-healthy')).toBe('false');
    expect(await healthy.innerText()).toContain('127.0.0.1:8081');
    await healthy.locator('[data-testid=meta-chip][data-key=version]').waitFor();

    const failingCheck = page.locator('[data-testid=check-row][data-instance=web-2][data-status=critical]');
    expect(await failingCheck.innerText()).toContain('connection refused');
    await page
      .locator('[data-testid=check-row][data-instance=web-1][data-check-id=web-1-ttl][data-status=passing]')
      .waitFor();

    // The filter narrows the list client-side.
    await page.getByTestId('services-filter').fill('no-such-service');
    await page.getByTestId('services-empty').waitFor();
    await page.getByTestId('services-filter').fill('');
  });

  it('shows the leader, raft peers and nodes of the datacenter', async () => {
    await page.getByTestId('cluster-tab').click();
    await page.getByTestId('cluster-view').waitFor();
    await expect.poll(() => page.getByTestId('cluster-leader').innerText()).toContain('127.0.0.1:');
    await page.locator('[data-testid=cluster-peer][data-leader=true]').waitFor();
    await page.locator('[data-testid=catalog-node-row][data-node=configdeck-test]').waitFor();
    expect(await page.getByTestId('cluster-datacenter').inputValue()).toBe('');
    await page.getByTestId('browser-tab').click();
    // The browser kept its state behind the other tabs.
    await page.locator('[data-testid=value-panel][data-path="/app/config.json"]').waitFor();
  });
});
