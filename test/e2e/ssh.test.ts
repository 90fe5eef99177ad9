import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { startSshd, type SshdServer } from '../servers/sshd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { editorText, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const item = (page: Page, name: string) => page.locator(`[data-testid=connection-item][data-name="${name}"]`);

/** Opens the New connection form and types a ZooKeeper profile reached through the jump host `sshd`. */
async function typeJumpHostProfile(page: Page, name: string, zk: ZooKeeperServer, sshd: SshdServer) {
  await page.getByTestId('new-connection').click();
  await page.getByTestId('connection-form').waitFor();
  await page.getByTestId('conn-name').fill(name);
  // The endpoint as the jump host sees it (here the same loopback).
  await page.getByTestId('conn-endpoints').fill(zk.connectString);
  await page.getByTestId('conn-folder').fill('behind bastion');
  expect(await page.getByTestId('conn-ssh').getAttribute('data-enabled')).toBe('false');
  await page.getByTestId('conn-ssh-enabled').check();
  await page.getByTestId('conn-ssh-host').fill(sshd.host);
  await page.getByTestId('conn-ssh-port').fill(String(sshd.port));
  await page.getByTestId('conn-ssh-user').fill(sshd.user);
}

// A ZooKeeper reached only through a real sshd (Debian's openssh-server on loopback): the profile typed into
// the form, the host key shown and trusted on the first connect, the tree browsed through the tunnel, the
// tunnel in the status bar; then the jump host comes back with another host key and the connect is refused.
describe('SSH jump hosts in the browser', () => {
  let zk: ZooKeeperServer;
  let sshd: SshdServer;
  let plain: ZkClient;
  let ui: ConsolePage;
  let page: Page;

  beforeAll(async () => {
    [zk, sshd] = await Promise.all([startZooKeeper(), startSshd()]);
    plain = await connectedZkClient(zk.connectString);
    await plain.create('/app', Buffer.alloc(0));
    await plain.create('/app/through-the-tunnel', Buffer.from('reached via ssh'));
    ui = await openConsole([]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await plain?.close();
    await Promise.all([sshd?.stop(), zk?.stop()]);
  });

  it('asks to trust the host key on the first connect, then browses through the tunnel', async () => {
    await typeJumpHostProfile(page, 'zk via key', zk, sshd);
    await page.getByTestId('conn-ssh-key-file').fill(sshd.userKeyFile);
    await screenshot(page, 'ssh-form');
    await page.getByTestId('conn-save').click();
    await page.getByTestId('connection-form').waitFor({ state: 'detached' });
    await page.locator('[data-testid=connection-folder][data-folder="behind bastion"]').waitFor();

    await item(page, 'zk via key').locator('[data-testid=connect-button]').click();
    const prompt = page.getByTestId('host-key-dialog');
    await prompt.waitFor();
    expect(await page.getByTestId('host-key-fingerprint').innerText()).toBe(sshd.hostKeySha256);
    expect(await page.getByTestId('host-key-question').innerText()).toBe(
      `First connection to ${sshd.host}:${sshd.port} (jump host). Its ${sshd.hostKeyType} key fingerprint is`,
    );
    await screenshot(page, 'ssh-host-key-prompt');
    await page.getByTestId('host-key-trust').click();
    await prompt.waitFor({ state: 'detached' });

    await page.locator('[data-testid=connection-state][data-state=connected]').waitFor();
    const tunnel = page.getByTestId('tunnel-state');
    await expect.poll(() => tunnel.innerText()).toBe(`SSH ${sshd.user}@${sshd.host}:${sshd.port} · open`);
    expect(await tunnel.getAttribute('data-tone')).toBe('ok');
    await openPath(page, '/app/through-the-tunnel');
    await expect.poll(() => editorText(page)).toContain('reached via ssh');
    await screenshot(page, 'ssh-connected');

    // The trusted key is kept with the profile and shown in the form.
    await item(page, 'zk via key').locator('[data-testid=edit-connection-button]').click();
    expect(await page.getByTestId('conn-ssh-host-key-value').innerText()).toBe(sshd.hostKeySha256);
    await page.getByTestId('conn-cancel').click();
  });

  it('follows the tunnel in the status bar when the jump host drops and comes back', async () => {
    const tunnel = page.getByTestId('tunnel-state');
    await sshd.drop();
    await page.locator('[data-testid=tunnel-state][data-state=reconnecting]').waitFor({ timeout: 30_000 });
    expect(await tunnel.getAttribute('data-tone')).toBe('warn');
    expect(await tunnel.getAttribute('title')).toContain(`${sshd.user}@${sshd.host}:${sshd.port}`);
    await screenshot(page, 'ssh-reconnecting');
    await sshd.restart();
    await page.locator('[data-testid=tunnel-state][data-state=open]').waitFor({ timeout: 60_000 });
    expect(await tunnel.getAttribute('data-tone')).toBe('ok');
    // The tree is read through the tunnel again.
    await page.getByTestId('refresh-button').click();
    await openPath(page, '/app/through-the-tunnel');
    await expect.poll(() => editorText(page)).toContain('reached via ssh');
  });

  it('trusts the key from the form Test (password login) and saves it with the profile', async () => {
    await typeJumpHostProfile(page, 'zk via password', zk, sshd);
    await page.getByTestId('conn-ssh-auth').selectOption('password');
    await page.getByTestId('conn-ssh-password').fill(sshd.password);
    await page.getByTestId('conn-test').click();
    await page.getByTestId('host-key-dialog').waitFor();
    await page.getByTestId('host-key-trust').click();
    const result = page.getByTestId('connection-test-result');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByTestId('conn-ssh-host-key-value').innerText()).toBe(sshd.hostKeySha256);
    await page.getByTestId('conn-save').click();
    await page.getByTestId('connection-form').waitFor({ state: 'detached' });
  });

  it('refuses a changed host key with both fingerprints and no way to trust it', async () => {
    await page.getByTestId('header-disconnect').click();
    const trusted = sshd.hostKeySha256;
    await sshd.restart({ newHostKey: true });
    expect(sshd.hostKeySha256).not.toBe(trusted);

    await item(page, 'zk via key').locator('[data-testid=connect-button]').click();
    const refusal = page.getByTestId('host-key-changed-dialog');
    await refusal.waitFor();
    expect(await page.getByTestId('host-key-expected').innerText()).toBe(trusted);
    expect(await page.getByTestId('host-key-fingerprint').innerText()).toBe(sshd.hostKeySha256);
    expect(await page.getByTestId('host-key-warning').innerText()).toContain('presented another host key');
    expect(await refusal.getByTestId('host-key-trust').count()).toBe(0);
    await screenshot(page, 'ssh-host-key-changed');
    await page.getByTestId('host-key-close').click();
    await refusal.waitFor({ state: 'detached' });
    expect(await page.getByTestId('connection-state').count()).toBe(0);

    // A Test of the other saved profile is refused the same way: the key it trusted is not the one presented.
    await item(page, 'zk via password').locator('[data-testid=edit-connection-button]').click();
    await page.getByTestId('conn-test').click();
    await page.getByTestId('host-key-changed-dialog').waitFor();
    await page.getByTestId('host-key-close').click();
    // Forget (the change is legitimate here): the next Test asks about the new key.
    await page.getByTestId('conn-ssh-forget-host-key').click();
    expect(await page.getByTestId('conn-ssh-host-key').getAttribute('data-trusted')).toBe('false');
    await page.getByTestId('conn-test').click();
    await page.getByTestId('host-key-dialog').waitFor();
    expect(await page.getByTestId('host-key-fingerprint').innerText()).toBe(sshd.hostKeySha256);
    await page.getByTestId('host-key-cancel').click();
    await page.getByTestId('conn-cancel').click();
  });

  it("the sidebar's Test asks like a connect: the saved key refused, nothing trusted from there", async () => {
    await item(page, 'zk via key').locator('[data-testid=test-connection-button]').click();
    const refusal = page.getByTestId('host-key-changed-dialog');
    await refusal.waitFor();
    expect(await page.getByTestId('host-key-fingerprint').innerText()).toBe(sshd.hostKeySha256);
    expect(await refusal.getByTestId('host-key-trust').count()).toBe(0);
    await page.getByTestId('host-key-close').click();
    await refusal.waitFor({ state: 'detached' });
  });
});
