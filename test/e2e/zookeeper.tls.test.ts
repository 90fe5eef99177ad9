import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { startZooKeeper, type ZooKeeperTlsServer } from '../servers/zookeeper.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, editorText, openPath, saveWithConfirm, typeIntoEditor } from './support/page-helpers.js';

/** Fills the New connection form for ZooKeeper over TLS and saves it. */
async function createTlsProfile(
  page: Page,
  name: string,
  endpoint: string,
  files: { ca: string; cert: string; key: string },
): Promise<void> {
  await page.getByTestId('new-connection').click();
  await page.getByTestId('connection-form').waitFor();
  await page.getByTestId('conn-kind').selectOption('zookeeper');
  await page.getByTestId('conn-name').fill(name);
  await page.getByTestId('conn-endpoints').fill(endpoint);
  await page.getByTestId('conn-tls-ca').fill(files.ca);
  await page.getByTestId('conn-tls-cert').fill(files.cert);
  await page.getByTestId('conn-tls-key').fill(files.key);
  await page.getByTestId('conn-save').click();
  await page.getByTestId('connection-form').waitFor({ state: 'detached' });
}

// ZooKeeper over mutual TLS as a user sets it up: the profile typed into the form, the tree browsed and a
// value saved over the secure port, checked on the server through its plain port.
describe('ZooKeeper over mTLS in the browser', () => {
  let zk: ZooKeeperTlsServer;
  let plain: ZkClient;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    zk = await startZooKeeper({ tls: { clientAuth: 'need' } });
    plain = await connectedZkClient(zk.connectString);
    await plain.create('/app', Buffer.alloc(0));
    await plain.create('/app/db.properties', Buffer.from('url=jdbc:old'));
    ui = await openConsole([]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await plain?.close();
    await zk?.stop();
  });

  it('connects with the CA, client certificate and key typed into the form, and edits a node', async () => {
    await page.getByTestId('new-connection').click();
    // Where one looks for Kerberos: beside the digest credentials.
    expect(await page.getByTestId('conn-auth-note').innerText()).toBe(
      'SASL/Kerberos is not supported; use digest auth or mTLS.',
    );
    await page.getByTestId('conn-cancel').click();
    await createTlsProfile(page, 'zk mtls', zk.secureConnectString, {
      ca: zk.tls.caFile,
      cert: zk.tls.clientCertFile,
      key: zk.tls.clientKeyFile,
    });
    await connect(page, 'zk mtls');

    await page.getByTestId('server-info-button').click();
    const tls = page.locator('[data-testid=server-feature][data-name=TLS]');
    expect(await tls.getAttribute('data-status')).toBe('yes');
    expect(await tls.innerText()).toContain('server certificate is verified');
    expect(
      await page
        .locator('[data-testid=server-feature][data-name="SASL / Kerberos"]')
        .getAttribute('data-status'),
    ).toBe('no');
    await page.getByTestId('server-info-close').click();
    await page.getByTestId('server-info').waitFor({ state: 'detached' });

    await openPath(page, '/app/db.properties');
    await expect.poll(() => editorText(page)).toContain('url=jdbc:old');
    await typeIntoEditor(page, 'url=jdbc:new');
    await saveWithConfirm(page);
    await page.getByTestId('unsaved-marker').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await plain.getData('/app/db.properties')).data.toString('utf8'))
      .toBe('url=jdbc:new');
  });

  it('refuses a client certificate the server does not trust, in one sentence shown in the UI', async () => {
    await createTlsProfile(page, 'zk wrong cert', zk.secureConnectString, {
      ca: zk.tls.caFile,
      cert: zk.tls.wrongClientCertFile,
      key: zk.tls.wrongClientKeyFile,
    });
    const item = page.locator('[data-testid=connection-item][data-name="zk wrong cert"]');
    await item.locator('[data-testid=connect-button]').click();
    const error = page.getByTestId('error-message').last();
    await error.waitFor({ timeout: 30_000 });
    const text = await error.innerText();
    expect(text).toContain('refused the TLS client certificate (or the lack of one)');
    expect(text).not.toMatch(/\n\s+at /);
  });
});
