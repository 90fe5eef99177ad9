import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { connect } from './support/page-helpers.js';
import { screenshot } from './support/screenshots.js';

const PASSPHRASE = 'on-call team passphrase';

const names = (page: Page, within = page.locator('body')) =>
  within
    .locator('[data-testid=connection-item]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));

// The sidebar's folders, search and Duplicate, then Export with a passphrase in one console and Import with its
// preview in a fresh one (another data directory), where the imported profile connects to a real etcd with
// authentication using the password that came sealed in the file.
describe('profiles for a team in the browser', () => {
  let etcd: EtcdServer;
  let source: ConsolePage;
  let target: ConsolePage;

  beforeAll(async () => {
    etcd = await startEtcd({ auth: { rootPassword: 'etcd-root-pw' } });
    [source, target] = await Promise.all([
      openConsole([
        {
          name: 'etcd team',
          kind: 'etcd',
          endpoints: [etcd.endpoint],
          environment: 'prod',
          folder: 'payments',
          auth: { username: 'root', password: 'etcd-root-pw' },
        },
        { name: 'etcd ro', kind: 'etcd', endpoints: [etcd.endpoint], folder: 'payments', readOnly: true },
        { name: 'zk local', kind: 'zookeeper', endpoints: ['127.0.0.1:1'] },
      ]),
      openConsole([]),
    ]);
  });

  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    await etcd?.stop();
  });

  it('groups profiles in folders, searches them, and duplicates one with its password', async () => {
    const { page } = source;
    const folder = page.locator('[data-testid=connection-folder][data-folder=payments]');
    await folder.waitFor();
    expect(await names(page, folder)).toEqual(['etcd ro', 'etcd team']);
    expect(await names(page)).toEqual(['zk local', 'etcd ro', 'etcd team']);

    await page.getByTestId('connection-search').fill('TEAM');
    await expect.poll(() => names(page)).toEqual(['etcd team']);
    await page.getByTestId('connection-search').fill('no such profile');
    await page.getByTestId('connection-search-empty').waitFor();
    await page.getByTestId('connection-search').fill('');

    await page
      .locator(
        '[data-testid=connection-item][data-name="etcd team"] [data-testid=duplicate-connection-button]',
      )
      .click();
    await expect.poll(() => names(page, folder)).toEqual(['etcd ro', 'etcd team', 'etcd team (copy)']);
    await connect(page, 'etcd team (copy)');
    // Last used: the profile just opened comes first in its folder.
    await page.getByTestId('connection-sort').selectOption('lastUsed');
    await expect.poll(() => names(page, folder)).toEqual(['etcd team (copy)', 'etcd ro', 'etcd team']);
    await page.getByTestId('connection-sort').selectOption('name');
    await expect.poll(() => names(page, folder)).toEqual(['etcd ro', 'etcd team', 'etcd team (copy)']);
    await screenshot(page, 'profiles-folders');
  });

  it('exports with a passphrase, and a fresh console previews, refuses a wrong passphrase, then imports', async () => {
    await source.page.getByTestId('export-profiles-button').click();
    await source.page.getByTestId('export-passphrase').fill(PASSPHRASE);
    await source.page.getByTestId('export-profiles-run').click();
    await expect
      .poll(() => source.page.getByTestId('export-profiles-summary').textContent())
      .toBe('4 profiles, 2 sealed passwords');
    const text = await source.page.getByTestId('export-profiles-text').inputValue();
    expect(text).not.toContain('etcd-root-pw');

    const { page } = target;
    await page.getByTestId('import-profiles-button').click();
    await page.getByTestId('import-profiles-text').fill(text);
    await page.getByTestId('import-passphrase').fill('wrong passphrase');
    await page.getByTestId('import-profiles-preview').click();
    await expect
      .poll(() => page.getByTestId('import-profiles-error').textContent())
      .toBe('The passphrase is wrong or the file was changed since it was exported.');
    expect(await page.getByTestId('import-profiles-run').isDisabled()).toBe(true);

    await page.getByTestId('import-passphrase').fill(PASSPHRASE);
    await page.getByTestId('import-profiles-preview').click();
    const added = page.getByTestId('import-profiles-plan-added');
    await expect.poll(() => added.getAttribute('data-count')).toBe('4');
    expect(await page.getByTestId('import-profiles-plan-updated').getAttribute('data-count')).toBe('0');
    await screenshot(page, 'profiles-import-preview');
    await page.getByTestId('import-profiles-run').click();
    await page.getByTestId('import-profiles-done').click();

    const folder = page.locator('[data-testid=connection-folder][data-folder=payments]');
    await expect.poll(() => names(page, folder)).toEqual(['etcd ro', 'etcd team', 'etcd team (copy)']);
    const team = page.locator('[data-testid=connection-item][data-name="etcd team"]');
    expect(await team.getAttribute('data-env')).toBe('prod');
    await page
      .locator('[data-testid=connection-item][data-name="etcd ro"] [data-testid=connection-readonly]')
      .waitFor();
    // The password came sealed in the file: the secured etcd accepts the imported profile.
    await connect(page, 'etcd team');
  });
});
