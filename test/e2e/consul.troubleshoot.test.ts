import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

// Consul in the real UI: a key locked by another client's session is marked in the tree and its owner named,
// the Servers view lists the agent, and the Watchers pane says plainly that Consul cannot tell who watches.
describe('Consul troubleshooting in the browser', () => {
  let consul: ConsulServer;
  let ui: ConsolePage;
  let page: Page;
  let lockSession: string;

  const put = async (path: string, body: string): Promise<unknown> => {
    const response = await fetch(`http://${consul.endpoint}${path}`, { method: 'PUT', body });
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  beforeAll(async () => {
    consul = await startConsul();
    const created = (await put(
      '/v1/session/create',
      JSON.stringify({ Name: 'leader-election', TTL: '60s' }),
    )) as {
      ID: string;
    };
    lockSession = created.ID;
    await put('/v1/kv/locks/free', 'nobody');
    expect(await put(`/v1/kv/locks/leader?acquire=${lockSession}`, 'me')).toBe(true);
    ui = await openConsole([{ name: 'consul dev', kind: 'consul', endpoints: [consul.endpoint] }]);
    page = ui.page;
    await connect(page, 'consul dev');
  });

  afterAll(async () => {
    await ui?.close();
    await consul?.stop();
  });

  it('marks the locked key in the tree and names the session that owns it', async () => {
    await page.locator('[data-testid=tree-toggle][data-path="/locks"]').click();
    const marker = page.locator(
      '[data-testid=tree-row][data-path="/locks/leader"] [data-testid=lock-marker]',
    );
    await marker.waitFor();
    expect(await marker.getAttribute('data-session')).toBe(lockSession);
    expect(
      await page.locator('[data-testid=tree-row][data-path="/locks/free"] [data-testid=lock-marker]').count(),
    ).toBe(0);
    await openPath(page, '/locks/leader');
    await page.getByTestId('watchers-button').click();
    expect(await page.getByTestId('watchers-unknown').innerText()).toMatch(/Consul/);
    await page.getByTestId('owner-query').click();
    const report = page.getByTestId('owner-report');
    await report.waitFor();
    expect(await report.getAttribute('data-owned')).toBe('true');
    expect(await page.getByTestId('owner-session').innerText()).toBe(lockSession);
    expect(await report.innerText()).toContain('leader-election');
    await screenshot(page, 'consul-owner');
  });

  it('lists the agent in the Servers view, and its sessions on demand', async () => {
    await page.getByTestId('servers-tab').click();
    await page.locator('[data-testid=server-member][data-up=true]').first().waitFor();
    await page.locator('[data-testid=servers-health][data-tone=ok]').waitFor();
    await page.getByTestId('diagnostics-load').click();
    await page.getByTestId('diagnostic-table').first().waitFor();
    await expect
      .poll(async () => (await page.getByTestId('servers-view').innerText()).includes(lockSession))
      .toBe(true);
    await screenshot(page, 'consul-servers');
  });
});
