import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { dataPaths } from '../../../electron/core/storage/data-dir.js';
import { AuditLogNames } from '../../../electron/core/audit/audit.files.js';
import { AUDIT_CSV_HEADER } from '../../../electron/core/audit/audit.export.js';
import { loadAuditIndex } from '../../../electron/core/audit/audit.index.file.js';
import { b64, startCoreClient, type CoreClient } from '../../integration/support/core-client.js';

// The audit centre's methods through a real core (in-memory store): each answers inside its output schema.
describe('audit methods through the contract', () => {
  let client: CoreClient;
  let connectionId: string;

  beforeEach(async () => {
    client = await startCoreClient('audit', [createMemoryDriver({ kind: 'etcd' })]);
    connectionId = (await client.call('connections.save', { name: 'mem', kind: 'etcd', endpoints: ['m'] }))
      .id;
    for (let i = 0; i < 12; i += 1) {
      await client.call('node.create', { connectionId, path: `/app/${i}`, valueBase64: b64(`v${i}`) });
    }
  });
  afterEach(async () => {
    await client.close();
  });

  it('lists a page with matched and total, finds an entry, exports, and 404s an unknown seq', async () => {
    const page = await client.call('audit.list', { pathPrefix: '/app/1', limit: 2 });
    expect(page.entries.map((e) => e.path)).toEqual(['/app/11', '/app/10']);
    expect(page).toMatchObject({ matched: 3, total: 12 });
    expect(await client.call('audit.entry', { seq: 5 })).toMatchObject({
      seq: 5,
      path: '/app/4',
      operation: 'create',
    });
    expect((await client.failure('audit.entry', { seq: 99 })).code).toBe('NOT_FOUND');
    const csv = await client.call('audit.export', { filter: { pathPrefix: '/app/1' }, format: 'csv' });
    expect(csv).toMatchObject({ count: 3, truncated: false });
    expect(csv.text.split('\n')[0]).toBe(AUDIT_CSV_HEADER);
    const jsonl = await client.call('audit.export', { format: 'jsonl' });
    const log = await readFile(dataPaths(client.dataDir).audit, 'utf8');
    expect(jsonl.text).toBe(`${log.trimEnd().split('\n').reverse().join('\n')}\n`);
    expect(await client.call('audit.group', { syncId: 'none' })).toEqual([]);
  });

  it('verifies the chain with audit.verify.progress events ending at the whole log', async () => {
    const result = await client.call('audit.verify', {});
    expect(result).toEqual({ ok: true, entries: 12, files: 1, firstBroken: null });
    const progress = client.events.filter((e) => e.event === 'audit.verify.progress').map((e) => e.payload);
    const size = (await readFile(dataPaths(client.dataDir).audit)).length;
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toEqual({ bytesDone: size, bytesTotal: size, entries: 12 });
  });

  it('writes the index beside the log when the core closes, with the entries added since the last query', async () => {
    await client.call('audit.list', {});
    await client.call('node.create', { connectionId, path: '/late', valueBase64: b64('late') });
    await client.call('audit.list', { limit: 1 });
    const indexPath = new AuditLogNames(dataPaths(client.dataDir).audit).indexPath;
    expect((await loadAuditIndex(indexPath))?.rows).toBe(12);
    await client.core.close();
    expect((await loadAuditIndex(indexPath))?.rows).toBe(13);
  });
});
