import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AuditStore } from '../../electron/core/audit/audit.store.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { b64, startCoreClient, text, type CoreClient } from '../integration/support/core-client.js';
import { connect, openPath, saveWithConfirm, startCompare, typeIntoEditor } from './support/page-helpers.js';
import { openConsole, type ConsolePage } from './support/console-page.js';
import { screenshot } from './support/screenshots.js';

// The audit centre in Chromium against a real ZooKeeper: writes made through the UI are listed, filtered,
// opened with their diff, reverted (and a revert refused because a second client changed the node since),
// a sync reverted as one group, exported and verified. A second core (another operator) seeds the tree and
// makes the "remote" changes; a bulk of entries is appended to the UI's own log as the CLI would.
describe('audit centre in the browser', () => {
  let zk: ZooKeeperServer;
  let ui: ConsolePage;
  let page: Page;
  let other: CoreClient;
  let zkId: string;

  const read = async (path: string): Promise<string> =>
    text((await other.call('node.get', { connectionId: zkId, path })).valueBase64);
  const setRemote = async (path: string, value: string): Promise<void> => {
    const current = await other.call('node.get', { connectionId: zkId, path });
    await other.call('node.set', { connectionId: zkId, path, valueBase64: b64(value), token: current.token });
  };

  const rows = (selector = '') => page.locator(`[data-testid=audit-row]${selector}`);
  const count = () => page.getByTestId('audit-count');
  /** Waits until the list says this many entries match the filters. */
  const matched = async (expected: number) =>
    expect
      .poll(
        async () =>
          `${await count().getAttribute('data-settled')} ${await count().getAttribute('data-matched')}`,
        { timeout: 15_000 },
      )
      .toBe(`true ${expected}`);
  const clearFilters = async () => {
    const clear = page.getByTestId('audit-clear-filters');
    if (!(await clear.isDisabled())) await clear.click();
  };
  /** The text of one side of the entry's diff (Monaco draws spaces as U+00A0). */
  const diffSide = async (side: 'original' | 'modified') =>
    (await page.locator(`[data-testid=audit-diff] .editor.${side} .view-lines`).allInnerTexts())
      .join('\n')
      .replace(/\u00a0/g, ' ');
  const openAudit = async () => {
    await page.getByTestId('audit-tab').click();
    await page.getByTestId('audit-view').waitFor();
  };
  /** Opens the newest entry matching operation and path prefix (and waits for its detail). */
  const openEntry = async (operation: string, prefix: string): Promise<number> => {
    await clearFilters();
    await page.getByTestId('audit-filter-operation').selectOption(operation);
    await page.getByTestId('audit-filter-path').fill(prefix);
    await expect
      .poll(
        async () =>
          `${await count().getAttribute('data-settled')} ${await rows().first().getAttribute('data-path')}`,
        {
          timeout: 15_000,
        },
      )
      .toBe(`true ${prefix}`);
    const row = rows().first();
    const seq = Number(await row.getAttribute('data-seq'));
    await row.click();
    await page.locator(`[data-testid=audit-detail][data-seq="${seq}"]`).waitFor();
    return seq;
  };

  beforeAll(async () => {
    zk = await startZooKeeper();
    other = await startCoreClient('other-operator');
    zkId = (
      await other.call('connections.save', { name: 'seed', kind: 'zookeeper', endpoints: [zk.connectString] })
    ).id;
    for (const [path, value] of [
      ['/app', ''],
      ['/app/flags', 'on=1'],
      ['/app/limits', '{"max":10}'],
      ['/app/other', 'b1'],
      ['/copy', ''],
    ] as const) {
      await other.call('node.create', { connectionId: zkId, path, valueBase64: b64(value) });
    }
    ui = await openConsole([
      { name: 'zk dev', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'dev' },
      { name: 'zk prod', kind: 'zookeeper', endpoints: [zk.connectString], environment: 'prod' },
    ]);
    page = ui.page;
  });

  afterAll(async () => {
    await ui?.close();
    await other?.close();
    await zk?.stop();
  });

  it('says the log is empty before the first write', async () => {
    await openAudit();
    await page.getByTestId('audit-empty').waitFor();
    expect(await page.getByTestId('audit-empty').innerText()).toContain('No audit entries yet');
    await screenshot(page, 'audit-empty');
  });

  it('lists the writes made through the UI, newest first, and filters them by operation and path', async () => {
    await page.getByTestId('browser-tab').click();
    await connect(page, 'zk dev');
    await openPath(page, '/app/flags');
    await typeIntoEditor(page, 'on=2');
    await saveWithConfirm(page);
    await expect.poll(() => read('/app/flags')).toBe('on=2');
    await openPath(page, '/app/limits');
    await typeIntoEditor(page, '{"max":20}');
    await saveWithConfirm(page);
    await expect.poll(() => read('/app/limits')).toBe('{"max":20}');
    await openPath(page, '/app');
    await page.getByTestId('create-node-button').click();
    await page.getByTestId('create-path').fill('fresh');
    await page.getByTestId('create-value').fill('new');
    await page.getByTestId('create-submit').click();
    await page.locator('[data-testid=value-panel][data-path="/app/fresh"]').waitFor();

    await openAudit();
    await matched(3);
    expect(await count().getAttribute('data-total')).toBe('3');
    expect(await rows().first().getAttribute('data-path')).toBe('/app/fresh');
    expect(await rows().first().getAttribute('data-operation')).toBe('create');

    await page.getByTestId('audit-filter-operation').selectOption('set');
    await matched(2);
    expect(await count().innerText()).toContain('2 of 3 entries match');
    expect(await rows('[data-operation=set]').count()).toBe(2);
    await page.getByTestId('audit-filter-path').fill('/app/fl');
    await matched(1);
    expect(await rows().first().getAttribute('data-path')).toBe('/app/flags');
    await clearFilters();
    await page.getByTestId('audit-filter-path-contains').fill('LIMIT');
    await matched(1);
    expect(await rows().first().getAttribute('data-path')).toBe('/app/limits');
    await page.getByTestId('audit-filter-env').selectOption('prod');
    await matched(0);
    await page.getByTestId('audit-empty').waitFor();
    expect(await page.getByTestId('audit-empty').innerText()).toContain('No entry matches these filters');
    await clearFilters();
    await matched(3);

    // Time: the last hour holds them all, a range starting tomorrow none, and since after until is said.
    await page.locator('[data-testid=audit-quick-range][data-range="Last hour"]').click();
    await matched(3);
    await page.getByTestId('audit-filter-since').fill('2099-01-01T00:00:00');
    await matched(0);
    await page.getByTestId('audit-filter-until').fill('2098-01-01T00:00:00');
    await expect.poll(() => count().innerText()).toContain('“Since” is later than “Until”');
    await clearFilters();
    await matched(3);
  });

  it('refreshes by itself when the core appends an entry (another window of the same host writes)', async () => {
    await matched(3);
    // Another window of this host: the contract over the page's own authenticated WebSocket.
    const outcome = await page.evaluate(async () => {
      const token = sessionStorage.getItem('configdeck.token');
      const ws = new WebSocket(`ws://${location.host}/ws?token=${token}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const call = (id: number, method: string, input: unknown): Promise<{ ok: boolean; result: unknown }> =>
        new Promise((resolve) => {
          ws.addEventListener('message', (event) => {
            const frame = JSON.parse(String(event.data));
            if (frame.type === 'result' && frame.id === id) resolve(frame.outcome);
          });
          ws.send(JSON.stringify({ type: 'call', id, method, input }));
        });
      const list = (await call(1, 'connections.list', {})) as { result: Array<{ id: string; name: string }> };
      const dev = list.result.find((profile) => profile.name === 'zk dev');
      // zk dev's session is the one this page opened: the core shares it.
      const result = await call(3, 'node.create', {
        connectionId: dev?.id,
        path: '/from-elsewhere',
        valueBase64: btoa('x'),
      });
      ws.close();
      return result;
    });
    expect(outcome.ok).toBe(true);
    await matched(4);
    expect(await rows().first().getAttribute('data-path')).toBe('/from-elsewhere');
  });

  it('opens an entry with all its facts and the before/after diff', async () => {
    await openEntry('set', '/app/flags');
    const facts = page.getByTestId('audit-facts');
    expect(await facts.innerText()).toContain('zk dev');
    expect(await page.getByTestId('audit-fact-operation').innerText()).toBe('set');
    expect(await page.getByTestId('audit-fact-outcome').innerText()).toBe('ok');
    await expect.poll(() => diffSide('original')).toBe('on=1');
    await expect.poll(() => diffSide('modified')).toBe('on=2');
    await screenshot(page, 'audit-entry-detail');
  });

  it('reverts a change: the value before is back, and the revert links to the entry it reverted', async () => {
    const seq = Number(await page.getByTestId('audit-detail').getAttribute('data-seq'));
    await page.getByTestId('audit-revert').click();
    const plan = page.locator('[data-testid=revert-plan][data-ready="1"]');
    await plan.waitFor();
    const item = page.locator('[data-testid=revert-plan-items] [data-testid=revert-item]');
    expect(await item.getAttribute('data-state')).toBe('ready');
    expect(await item.getAttribute('data-action')).toBe('set');
    expect(await page.getByTestId('revert-confirm-input').count()).toBe(0);
    await screenshot(page, 'audit-revert-plan');
    await page.getByTestId('revert-confirm').click();
    const report = page.locator('[data-testid=revert-report][data-reverted="1"]');
    await report.waitFor();
    expect(
      await page
        .locator('[data-testid=revert-report-items] [data-testid=revert-item]')
        .getAttribute('data-outcome'),
    ).toBe('reverted');
    await screenshot(page, 'audit-revert-report');
    await expect.poll(() => read('/app/flags')).toBe('on=1');
    await page.getByTestId('revert-done').click();

    // The revert is the newest write of the node; its detail links back to the entry it reverted.
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    await rows().first().click();
    const link = page.getByTestId('audit-open-reverted');
    await link.waitFor();
    expect(await link.getAttribute('data-seq')).toBe(String(seq));
    await expect.poll(() => diffSide('modified')).toBe('on=1');
    await link.click();
    await page.locator(`[data-testid=audit-detail][data-seq="${seq}"]`).waitFor();
  });

  it('refuses to revert a node another client changed since: in the plan, and at the write', async () => {
    // Changed before the plan is read: the plan says so and offers nothing to confirm.
    await setRemote('/app/limits', '{"max":30}');
    await openEntry('set', '/app/limits');
    await page.getByTestId('audit-revert').click();
    await page.locator('[data-testid=revert-plan][data-ready="0"]').waitFor();
    const moved = page.locator('[data-testid=revert-plan-items] [data-testid=revert-item]');
    expect(await moved.getAttribute('data-state')).toBe('moved');
    expect((await page.getByTestId('revert-item-reason').innerText()).length).toBeGreaterThan(10);
    expect(await page.getByTestId('revert-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'audit-revert-moved');
    await page.getByTestId('revert-cancel').click();
    expect(await read('/app/limits')).toBe('{"max":30}');

    // Changed after the plan was read: the write's CAS refuses it, and the report says so.
    await openEntry('create', '/app/fresh');
    await page.getByTestId('audit-revert').click();
    await page.locator('[data-testid=revert-plan][data-ready="1"]').waitFor();
    expect(
      await page
        .locator('[data-testid=revert-plan-items] [data-testid=revert-item]')
        .getAttribute('data-action'),
    ).toBe('delete');
    await setRemote('/app/fresh', 'changed meanwhile');
    await page.getByTestId('revert-confirm').click();
    await page.locator('[data-testid=revert-report][data-reverted="0"]').waitFor();
    expect(
      await page
        .locator('[data-testid=revert-report-items] [data-testid=revert-item]')
        .getAttribute('data-outcome'),
    ).toBe('moved');
    await page.getByTestId('revert-done').click();
    expect(await read('/app/fresh')).toBe('changed meanwhile');
  });

  it('reverts on prod only once the path is typed', async () => {
    await page.getByTestId('browser-tab').click();
    await connect(page, 'zk prod');
    await openPath(page, '/app/other');
    await typeIntoEditor(page, 'b2');
    await page.getByTestId('save-button').click();
    await page.getByTestId('save-confirm-input').fill('/app/other');
    await page.getByTestId('save-confirm').click();
    await expect.poll(() => read('/app/other')).toBe('b2');

    await openAudit();
    await openEntry('set', '/app/other');
    await page.getByTestId('audit-revert').click();
    await page.locator('[data-testid=revert-plan][data-ready="1"]').waitFor();
    const confirm = page.getByTestId('revert-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('revert-confirm-input').fill('/app');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('revert-confirm-input').fill('/app/other');
    expect(await confirm.isDisabled()).toBe(false);
    expect(await confirm.innerText()).toBe('Revert on production');
    await screenshot(page, 'audit-revert-prod');
    await confirm.click();
    await page.locator('[data-testid=revert-report][data-reverted="1"]').waitFor();
    await page.getByTestId('revert-done').click();
    await expect.poll(() => read('/app/other')).toBe('b1');
  });

  it('opens a sync as one group and reverts the whole sync', async () => {
    await startCompare(page, { connection: 'zk dev', path: '/app' }, { connection: 'zk dev', path: '/copy' });
    await page.getByTestId('compare-summary').waitFor();
    await page.getByTestId('sync-plan').click();
    await page.locator('[data-testid=sync-item][data-action=create]').first().waitFor();
    await page.getByTestId('sync-apply').click();
    const report = page.locator('[data-testid=sync-report][data-state=done]');
    await report.waitFor({ timeout: 15_000 });
    const applied = Number(await report.getAttribute('data-applied'));
    expect(applied).toBe(4);
    expect(await read('/copy/flags')).toBe('on=1');

    await openAudit();
    await openEntry('create', '/copy/flags');
    await page.getByTestId('audit-open-group').click();
    const summary = page.locator(`[data-testid=audit-group-summary][data-count="${applied}"]`);
    await summary.waitFor();
    expect(await summary.innerText()).toContain('zk dev');
    await page.locator('[data-testid=audit-group-list] [data-testid=audit-row]').first().waitFor();
    expect(await page.locator('[data-testid=audit-group-list] [data-testid=audit-row]').count()).toBe(
      applied,
    );
    await screenshot(page, 'audit-sync-group');
    await page.getByTestId('audit-revert-group').click();
    await page.locator(`[data-testid=revert-plan][data-ready="${applied}"]`).waitFor();
    await page.getByTestId('revert-confirm').click();
    await page.locator(`[data-testid=revert-report][data-reverted="${applied}"]`).waitFor();
    await screenshot(page, 'audit-sync-reverted');
    await page.getByTestId('revert-done').click();
    for (const name of ['flags', 'limits', 'other', 'fresh']) {
      expect((await other.failure('node.get', { connectionId: zkId, path: `/copy/${name}` })).code).toBe(
        'NOT_FOUND',
      );
    }

    // Into prod: the sync asks for the connection's name, and so does reverting it as a group.
    await page.getByTestId('compare-tab').click();
    await page.getByTestId('compare-right-connection').selectOption({ label: 'zk prod' });
    await page.getByTestId('compare-start').click();
    await page.locator('[data-testid=compare-summary][data-only-left="4"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('sync-plan').click();
    await page.locator('[data-testid=sync-item][data-action=create]').first().waitFor();
    await page.getByTestId('sync-apply').click();
    await page.getByTestId('sync-confirm-input').fill('zk prod');
    await page.getByTestId('sync-confirm-submit').click();
    await page
      .locator('[data-testid=sync-report][data-state=done][data-applied="4"]')
      .waitFor({ timeout: 15_000 });
    await openAudit();
    // The newest create of /copy/flags is the prod sync's.
    await openEntry('create', '/copy/flags');
    expect(await page.getByTestId('audit-facts').innerText()).toContain('zk prod');
    await page.getByTestId('audit-open-group').click();
    await page.locator('[data-testid=audit-group-summary][data-count="4"]').waitFor();
    await page.getByTestId('audit-revert-group').click();
    await page.locator('[data-testid=revert-plan][data-ready="4"]').waitFor();
    const confirm = page.getByTestId('revert-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('revert-confirm-input').fill('/copy/flags');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('revert-confirm-input').fill('zk prod');
    await screenshot(page, 'audit-sync-revert-prod');
    await confirm.click();
    await page.locator('[data-testid=revert-report][data-reverted="4"]').waitFor();
    await page.getByTestId('revert-done').click();
    expect((await other.failure('node.get', { connectionId: zkId, path: '/copy/flags' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('exports the filtered entries as JSON Lines and CSV', async () => {
    await clearFilters();
    await page.getByTestId('audit-filter-operation').selectOption('set');
    await page.getByTestId('audit-filter-connection').selectOption('zk dev');
    // Settled once every row drawn is of the filter and they are all there (a handful: all drawn).
    const settled = async () => {
      const shown = await rows().evaluateAll((els) =>
        els.map((el) => `${el.getAttribute('data-operation')}|${el.getAttribute('data-connection')}`),
      );
      const total = Number(await count().getAttribute('data-matched'));
      return shown.length === total && shown.every((row) => row === 'set|zk dev') ? total : -1;
    };
    await expect.poll(settled, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const expected = await settled();
    const download = async (format: 'jsonl' | 'csv') => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`audit-export-${format}`).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^configdeck-audit-\\d{8}-\\d{6}\\.${format}$`));
      return readFile((await file.path())!, 'utf8');
    };
    const jsonl = (await download('jsonl')).trim().split('\n');
    expect(jsonl).toHaveLength(expected);
    for (const line of jsonl) {
      const entry = JSON.parse(line) as { operation: string; connection: { name: string } };
      expect(entry.operation).toBe('set');
      expect(entry.connection.name).toBe('zk dev');
    }
    expect(await page.getByTestId('audit-export-result').innerText()).toContain(
      `Exported ${expected} entries`,
    );
    const csv = (await download('csv')).trim().split(/\r?\n/);
    expect(csv).toHaveLength(expected + 1);
    expect(csv[0]).toContain('seq');
    expect(csv.slice(1).join('\n')).toContain('/app/flags');
  });

  it('lists a hundred thousand entries page by page, drawing only the lines in view', async () => {
    const bulk = 100_000;
    const store = await AuditStore.open(join(ui.app.dataDir, 'audit', 'audit.jsonl'), {
      identity: { user: 'ci-bot', host: 'build-7' },
    });
    const connection = {
      id: 'bulk',
      name: 'bulk etcd',
      kind: 'etcd' as const,
      environment: 'test' as const,
      endpoints: ['e:1'],
    };
    await store.appendMany(
      Array.from({ length: bulk }, (_, i) => ({
        connection,
        operation: 'set' as const,
        path: `/bulk/key-${String(i).padStart(6, '0')}`,
        before: Buffer.from(`v${i}`),
        after: Buffer.from(`v${i + 1}`),
        outcome: 'ok' as const,
      })),
    );
    await clearFilters();
    await page.getByTestId('audit-refresh').click();
    await page.getByTestId('audit-filter-user').fill('ci-bot');
    await matched(bulk);
    expect(await rows().first().getAttribute('data-path')).toBe('/bulk/key-099999');
    expect(await rows().count()).toBeLessThan(120);
    // End goes to the oldest: its page (offset 99,800) is fetched then, not before.
    await page.locator('[data-testid=audit-list] [role=listbox]').focus();
    await page.keyboard.press('End');
    await page.locator('[data-testid=audit-row][data-path="/bulk/key-000000"]').waitFor();
    await page.locator('[data-testid=audit-detail] [data-testid=audit-facts]').waitFor();
    expect(await page.getByTestId('audit-facts').innerText()).toContain('ci-bot@build-7');
    // Entries appended while scrolled down arrive on top and leave the lines in view where they are.
    const oldest = page.locator('[data-testid=audit-row][data-path="/bulk/key-000000"]');
    const list = page.locator('[data-testid=audit-list] [role=listbox]');
    const inView = async () => {
      const [row, box] = await Promise.all([oldest.boundingBox(), list.boundingBox()]);
      return row !== null && box !== null && row.y >= box.y && row.y + row.height <= box.y + box.height + 1;
    };
    expect(await inView()).toBe(true);
    await store.appendMany(
      Array.from({ length: 50 }, (_, i) => ({
        connection,
        operation: 'set' as const,
        path: `/bulk/late-${i}`,
        before: null,
        after: Buffer.from('late'),
        outcome: 'ok' as const,
      })),
    );
    await page.getByTestId('audit-refresh').click();
    await matched(bulk + 50);
    expect(await inView()).toBe(true);
    await page.getByTestId('audit-filter-kind').selectOption('etcd');
    await page.getByTestId('audit-filter-path-contains').fill('key-0001');
    await matched(100);
    await screenshot(page, 'audit-bulk-filtered');
  });

  it('verifies the chain with progress, then names the first broken entry of a tampered log', async () => {
    await clearFilters();
    // Settled with no filter: every entry listed.
    await expect
      .poll(
        async () =>
          (await count().getAttribute('data-settled')) === 'true' &&
          (await count().getAttribute('data-matched')) === (await count().getAttribute('data-total')),
        { timeout: 15_000 },
      )
      .toBe(true);
    // Every state the progress line goes through, as drawn (a verify of 50 MB takes a moment).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { verifySeen: string[] }).verifySeen = seen;
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid=audit-verify-progress]');
        if (line) seen.push(line.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('audit-verify').click();
    await screenshot(page, 'audit-verifying');
    const intact = page.locator('[data-testid=audit-verify-result][data-ok=true]');
    await intact.waitFor({ timeout: 30_000 });
    const total = Number(await count().getAttribute('data-total'));
    expect(await intact.getAttribute('data-entries')).toBe(String(total));
    expect(await intact.innerText()).toMatch(/^Chain intact: [\d,]+ entries in 1 file,/);
    const seen = await page.evaluate(() => (window as unknown as { verifySeen: string[] }).verifySeen);
    expect(seen.some((line) => /^[\d.]+ \w+ of [\d.]+ MB/.test(line))).toBe(true);
    await screenshot(page, 'audit-verified');

    // Rewrite one entry's path in the middle of the log, keeping its length: only the chain can tell.
    const file = join(ui.app.dataDir, 'audit', 'audit.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((line) => line.includes('"/bulk/key-050000"'));
    expect(at).toBeGreaterThan(0);
    const seq = (JSON.parse(lines[at]!) as { seq: number }).seq;
    lines[at] = lines[at]!.replace('"/bulk/key-050000"', '"/bulk/key-05000X"');
    await writeFile(file, lines.join('\n'));
    await page.getByTestId('audit-verify').click();
    const broken = page.locator('[data-testid=audit-verify-result][data-ok=false]');
    await broken.waitFor({ timeout: 30_000 });
    expect(await broken.getAttribute('data-broken-seq')).toBe(String(seq));
    expect(await broken.innerText()).toContain(
      `entry #${seq} (audit.jsonl, line ${(at + 1).toLocaleString('en-US')})`,
    );
    await screenshot(page, 'audit-verify-broken');
    await page.getByTestId('audit-verify-open-broken').click();
    await page.locator(`[data-testid=audit-detail][data-seq="${seq}"]`).waitFor();
  });
});
