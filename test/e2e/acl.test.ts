import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Perm, type ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { digestId } from '../../shared/acl/acl.digest.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { connectedZkClient } from '../integration/support/zk-client.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect, openPath } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

/**
 * Children of /big: enough that an apply (each node saved and audited with an fsync) outlasts the click on
 * Cancel by far, even on a quiet machine (600 could finish first).
 */
const BIG_CHILDREN = 3000;

const WORLD = { scheme: 'world', id: 'anyone' };

// ACL editing in Chromium against a real ZooKeeper: an entry added with the digest helper is saved and read
// back by a plain ZooKeeper client; that second client then changes the ACL, so the UI's next save is a
// conflict showing the server's ACL, and after a reload the save goes through. An ACL taking ADMIN from every
// identity of the session warns first, and a whole subtree gets an ACL through its plan on prod.
describe('ZooKeeper ACL editing in the browser', () => {
  let zk: ZooKeeperServer;
  let ui: ConsolePage;
  let page: Page;
  /** Another operator's plain ZooKeeper client (anonymous: world:anyone and its loopback address). */
  let other: ZkClient;
  let opsId: string;

  const entry = (index: number) => page.getByTestId('acl-entry').nth(index);
  const editorAt = (version: number) =>
    page.locator(`[data-testid=acl-editor][data-acl-version="${version}"][data-dirty=false]`).waitFor();
  const serverAcl = async (path: string) => (await other.getACL(path)).acl;

  beforeAll(async () => {
    zk = await startZooKeeper();
    other = await connectedZkClient(zk.connectString);
    opsId = await digestId('ops', 'secret');
    for (const path of [
      '/svc',
      '/svc/app',
      '/svc/locked',
      '/tree',
      '/tree/a',
      '/tree/a/b',
      '/tree/c',
      '/big',
    ])
      await other.create(path, Buffer.from(''));
    await Promise.all(
      Array.from({ length: BIG_CHILDREN }, (_, i) => other.create(`/big/n${i}`, Buffer.from(''))),
    );
    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
    ]);
    page = ui.page;
    await connect(page, 'zk dev');
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await zk?.stop();
  });

  it('adds an entry with the digest helper, checks it as typed, saves it, and shows it in the table', async () => {
    await openPath(page, '/svc/app');
    await editorAt(0);
    expect(await page.getByTestId('acl-entry').count()).toBe(1);
    expect(await entry(0).getByTestId('acl-id').inputValue()).toBe('anyone');

    await page.getByTestId('acl-add').click();
    // A digest entry without its id yet: the problem is said in one sentence and Save waits.
    await page.getByTestId('acl-problem').first().waitFor();
    expect(await page.getByTestId('acl-problem').innerText()).toContain('is not user:BASE64');
    expect(await page.getByTestId('acl-save').isDisabled()).toBe(true);

    await entry(1).getByTestId('acl-digest-open').click();
    await page.getByTestId('acl-digest-user').fill('ops');
    await page.getByTestId('acl-digest-password').fill('secret');
    await page.getByTestId('acl-digest-apply').click();
    expect(await entry(1).getByTestId('acl-id').inputValue()).toBe(opsId);
    // The password is gone with the helper; nothing in the page holds it.
    expect(await page.getByTestId('acl-digest-password').count()).toBe(0);
    await entry(1).getByTestId('acl-perm-w').check();
    await entry(1).getByTestId('acl-perm-a').check();
    expect(await page.getByTestId('acl-problems').count()).toBe(0);
    await screenshot(page, 'acl-editor');

    await page.getByTestId('acl-save').click();
    await editorAt(1);
    expect(await entry(1).getByTestId('acl-id').inputValue()).toBe(opsId);
    expect(await serverAcl('/svc/app')).toEqual([
      { perms: Perm.all, id: WORLD },
      { perms: Perm.read | Perm.write | Perm.admin, id: { scheme: 'digest', id: opsId } },
    ]);
  });

  it('shows the ACL a second client saved meanwhile as a conflict, and saves after a reload', async () => {
    await other.setACL(
      '/svc/app',
      [
        { perms: Perm.all, id: WORLD },
        { perms: Perm.read, id: { scheme: 'ip', id: '10.1.0.0/16' } },
      ],
      1,
    );
    // The UI still has ACL version 1: this save is refused, and nothing is overwritten.
    await entry(0).getByTestId('acl-perm-d').uncheck();
    await page.getByTestId('acl-save').click();
    const conflict = page.getByTestId('acl-conflict');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-acl-version')).toBe('2');
    expect(await page.getByTestId('acl-conflict-server').innerText()).toContain('ip:10.1.0.0/16:r');
    expect(await page.getByTestId('acl-conflict-mine').innerText()).toContain(`digest:${opsId}:rwa`);
    await screenshot(page, 'acl-conflict');
    expect((await other.getACL('/svc/app')).stat.aversion).toBe(2);

    await page.getByTestId('acl-conflict-reload').click();
    await editorAt(2);
    expect(await page.getByTestId('acl-entry').count()).toBe(2);
    expect(await entry(1).getByTestId('acl-id').inputValue()).toBe('10.1.0.0/16');
    await entry(1).getByTestId('acl-perm-w').check();
    await page.getByTestId('acl-save').click();
    await editorAt(3);
    expect(await serverAcl('/svc/app')).toEqual([
      { perms: Perm.all, id: WORLD },
      { perms: Perm.read | Perm.write, id: { scheme: 'ip', id: '10.1.0.0/16' } },
    ]);
  });

  it('warns before a save that leaves no identity of the session with ADMIN, and saves only when confirmed', async () => {
    await openPath(page, '/svc/locked');
    await editorAt(0);
    await entry(0).getByTestId('acl-perm-a').uncheck();
    await page.getByTestId('acl-save').click();
    await page.getByTestId('acl-save-dialog').waitFor();
    expect(await page.getByTestId('acl-admin-warning').innerText()).toContain(
      'could not change the ACL back',
    );
    await page.getByTestId('acl-save-cancel').click();
    await page.getByTestId('acl-save-dialog').waitFor({ state: 'detached' });
    expect((await other.getACL('/svc/locked')).stat.aversion).toBe(0);

    await page.getByTestId('acl-save').click();
    expect(await page.getByTestId('acl-save-confirm').innerText()).toBe('Remove my admin and save');
    await screenshot(page, 'acl-admin-warning');
    await page.getByTestId('acl-save-confirm').click();
    await editorAt(1);
    expect(await serverAcl('/svc/locked')).toEqual([{ perms: Perm.all & ~Perm.admin, id: WORLD }]);
  });

  it('applies an ACL to a subtree on prod through its plan, with the name typed, and reports it', async () => {
    await other.setACL('/tree/c', [{ perms: Perm.read | Perm.admin, id: WORLD }], 0);
    await connect(page, 'zk prod');
    await openPath(page, '/tree');
    await editorAt(0);
    await entry(0).getByTestId('acl-perm-d').uncheck();
    await entry(0).getByTestId('acl-perm-c').uncheck();
    await page.getByTestId('acl-recursive-open').click();
    const plan = page.getByTestId('acl-recursive-plan');
    await plan.waitFor();
    expect(await plan.getAttribute('data-count')).toBe('4');
    expect(await plan.getAttribute('data-differing')).toBe('4');
    expect(await page.getByTestId('acl-recursive-difference').count()).toBe(4);
    const changedOne = page.getByTestId('acl-recursive-difference').filter({ hasText: '/tree/c' });
    expect(await changedOne.innerText()).toContain('world:anyone:ra');
    const apply = page.getByTestId('acl-recursive-apply');
    expect(await apply.isDisabled()).toBe(true);
    await page.getByTestId('acl-recursive-confirm-input').fill('zk pro');
    expect(await apply.isDisabled()).toBe(true);
    await page.getByTestId('acl-recursive-confirm-input').fill('zk prod');
    await screenshot(page, 'acl-recursive-plan');
    await apply.click();

    const report = page.locator('[data-testid=acl-recursive-report][data-state=done]');
    await report.waitFor();
    expect(await page.getByTestId('acl-recursive-changed').innerText()).toBe('4');
    await screenshot(page, 'acl-recursive-report');
    for (const path of ['/tree', '/tree/a', '/tree/a/b', '/tree/c'])
      expect(await serverAcl(path), path).toEqual([
        { perms: Perm.read | Perm.write | Perm.admin, id: WORLD },
      ]);
    await page.getByTestId('acl-recursive-close').click();
    // The open node's editor reads its new ACL.
    await editorAt(1);
  });

  it('saves one node on prod only once its path is typed', async () => {
    await openPath(page, '/tree/a');
    await editorAt(1);
    await entry(0).getByTestId('acl-perm-c').check();
    await page.getByTestId('acl-save').click();
    await page.getByTestId('acl-save-dialog').waitFor();
    const confirm = page.getByTestId('acl-save-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('acl-save-confirm-input').fill('/tree/a');
    expect(await confirm.innerText()).toBe('Write to production');
    await confirm.click();
    await editorAt(2);
    expect(await serverAcl('/tree/a')).toEqual([
      { perms: Perm.read | Perm.write | Perm.create | Perm.admin, id: WORLD },
    ]);
  });

  it('cancels a subtree apply midway and reports what it changed and did not reach', async () => {
    await openPath(page, '/big');
    await editorAt(0);
    await entry(0).getByTestId('acl-perm-d').uncheck();
    await page.getByTestId('acl-recursive-open').click();
    await page.locator(`[data-testid=acl-recursive-plan][data-differing="${BIG_CHILDREN + 1}"]`).waitFor();
    await page.getByTestId('acl-recursive-confirm-input').fill('zk prod');
    await page.getByTestId('acl-recursive-apply').click();
    // Cancel once the nodes are being written (a cancel while listing has its own report, tested in
    // acl.zookeeper.test.ts), so the report says how far the apply got.
    await page
      .getByTestId('acl-recursive-progress')
      .filter({ hasText: / of [\d,]+ nodes/ })
      .waitFor();
    await page.getByTestId('acl-recursive-cancel').click();
    await page.locator('[data-testid=acl-recursive-report][data-state=cancelled]').waitFor();
    expect(await page.getByTestId('acl-recursive-stopped').innerText()).toMatch(
      new RegExp(
        `^The apply was cancelled after \\d+ of ${BIG_CHILDREN + 1} nodes; \\d+ were not reached\\.$`,
      ),
    );
    await screenshot(page, 'acl-recursive-cancelled');
    const changed = Number((await page.getByTestId('acl-recursive-changed').innerText()).replace(/,/g, ''));
    expect(changed).toBeLessThan(BIG_CHILDREN + 1);
    const paths = ['/big', ...Array.from({ length: BIG_CHILDREN }, (_, i) => `/big/n${i}`)];
    const acls = await Promise.all(paths.map((path) => other.getACL(path)));
    expect(acls.filter(({ acl }) => acl[0]!.perms !== Perm.all)).toHaveLength(changed);
    await page.getByTestId('acl-recursive-close').click();
  });
});
