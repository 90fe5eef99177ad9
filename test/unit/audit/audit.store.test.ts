import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntrySchema } from '../../../shared/model/audit.js';
import { AuditStore, type AuditRecord } from '../../../electron/core/audit/audit.store.js';
import { GENESIS_HASH, canonicalJson, hashEntry } from '../../../electron/core/audit/audit.entry.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

describe('AuditStore', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-'));
    file = join(dir, 'audit', 'audit.jsonl');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends chained entries, one canonical JSON line each, and lists them newest first', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const first = await store.append(sampleRecord({ path: '/a' }));
    const second = await store.append(sampleRecord({ path: '/b', before: null, operation: 'create' }));
    expect(first).toMatchObject({
      seq: 1,
      user: 'tester',
      host: 'test-host',
      prevHash: GENESIS_HASH,
      path: '/a',
    });
    expect(first.before).toEqual({ encoding: 'utf8', data: 'old', size: 3 });
    expect(first.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.error).toBeNull();
    expect(first.details).toBeNull();
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, before: null });
    expect(second.hash).toBe(hashEntry(second));

    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toEqual([canonicalJson(first), canonicalJson(second), '']);
    expect(await store.list({})).toEqual({ entries: [second, first], matched: 2, total: 2 });
    expect(await store.verify()).toEqual({ ok: true, entries: 2, files: 1, firstBroken: null });
  });

  it('creates the log file readable by the user only, in a 0700 directory', async () => {
    const store = new AuditStore(file, { identity: TEST_IDENTITY });
    await store.append(sampleRecord());
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'audit'))).mode & 0o777).toBe(0o700);
  });

  it('continues the chain after a reopen', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const first = await store.append(sampleRecord());
    const reopened = await AuditStore.open(file, { identity: TEST_IDENTITY });
    expect(await reopened.append(sampleRecord())).toMatchObject({ seq: 2, prevHash: first.hash });
    expect((await reopened.verify()).ok).toBe(true);
  });

  it('keeps 100 concurrent appends in order: seq 1..100, chain valid', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const entries = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.append(sampleRecord({ path: `/p/${i}` }))),
    );
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(entries.map((e) => e.path)).toEqual(Array.from({ length: 100 }, (_, i) => `/p/${i}`));
    expect(await store.verify()).toEqual({ ok: true, entries: 100, files: 1, firstBroken: null });
  });

  it('appends the entries of one batch in one go: chained, in order, between single appends', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await store.append(sampleRecord({ path: '/before' }));
    const batch = await store.appendMany(
      Array.from({ length: 5 }, (_, i) => sampleRecord({ path: `/batch/${i}` })),
    );
    const after = await store.append(sampleRecord({ path: '/after' }));
    expect(batch.map((e) => [e.seq, e.path])).toEqual(
      Array.from({ length: 5 }, (_, i) => [i + 2, `/batch/${i}`]),
    );
    expect(batch[1]!.prevHash).toBe(batch[0]!.hash);
    expect(after).toMatchObject({ seq: 7, prevHash: batch[4]!.hash });
    expect(await store.verify()).toEqual({ ok: true, entries: 7, files: 1, firstBroken: null });
  });

  it('writes nothing of a batch holding an invalid record', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const bad = sampleRecord({ operation: 'drop' as never });
    await expect(store.appendMany([sampleRecord(), bad])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await store.append(sampleRecord())).seq).toBe(1);
  });

  it('continues the chain when two stores (two processes) append to the same file in turn', async () => {
    const a = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const b = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await a.append(sampleRecord());
    await b.append(sampleRecord());
    await a.append(sampleRecord());
    expect((await b.append(sampleRecord())).seq).toBe(4);
    expect(await a.verify()).toEqual({ ok: true, entries: 4, files: 1, firstBroken: null });
  });

  it('keeps only size and sha256 of a big value, and base64 of a binary one', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const big = Buffer.alloc(200 * 1024, 'z');
    const entry = await store.append(sampleRecord({ before: Buffer.from([0, 255, 1]), after: big }));
    expect(entry.before).toEqual({ encoding: 'base64', data: 'AP8B', size: 3 });
    expect(entry.after).toMatchObject({
      omitted: true,
      size: 200 * 1024,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await stat(file)).size).toBeLessThan(2000);
  });

  it('redacts credential-like details and keeps errors', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const entry = await store.append(
      sampleRecord({
        outcome: 'conflict',
        error: { code: 'CONFLICT', message: 'version changed' },
        details: { password: 'hunter2', token: 'abc', recursiveCount: 3 },
      }),
    );
    expect(entry.details).toEqual({ password: '[redacted]', token: '[redacted]', recursiveCount: 3 });
    expect(entry.error).toEqual({ code: 'CONFLICT', message: 'version changed' });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(AuditEntrySchema.parse(JSON.parse(text))).toEqual(entry);
  });

  it('refuses an invalid record with INVALID_INPUT and writes nothing', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const bad = sampleRecord({ operation: 'drop' as never });
    await expect(store.append(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await store.append(sampleRecord())).seq).toBe(1);
  });

  it('filters by connection name, path prefix and time, newest first, up to the limit', async () => {
    let now = Date.parse('2025-01-01T00:00:00.000Z');
    const store = await AuditStore.open(file, {
      identity: TEST_IDENTITY,
      clock: () => new Date((now += 1000)),
    });
    const prod: AuditRecord['connection'] = {
      id: 'c2',
      name: 'prod-etcd',
      kind: 'etcd',
      environment: 'prod',
      endpoints: ['e:2379'],
    };
    for (let i = 0; i < 10; i += 1) {
      await store.append(
        sampleRecord({ path: `/app/${i}`, connection: i % 2 === 0 ? prod : sampleRecord().connection }),
      );
    }
    const prodEntries = (await store.list({ connectionName: 'prod-etcd' })).entries;
    expect(prodEntries.map((e) => e.seq)).toEqual([9, 7, 5, 3, 1]);
    expect((await store.list({ pathPrefix: '/app/1' })).entries.map((e) => e.path)).toEqual(['/app/1']);
    expect((await store.list({ pathPrefix: '/other' })).entries.length).toBe(0);
    expect((await store.list({ since: '2025-01-01T00:00:08.000Z' })).entries.map((e) => e.seq)).toEqual([
      10, 9, 8,
    ]);
    expect((await store.list({ limit: 3 })).entries.map((e) => e.seq)).toEqual([10, 9, 8]);
    expect((await store.list({ limit: 2, connectionName: 'dev-zk' })).entries.map((e) => e.seq)).toEqual([
      10, 8,
    ]);
  });

  it('rejects an invalid query with INVALID_INPUT', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await expect(store.list({ since: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(store.list({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('lists and verifies an empty or missing log', async () => {
    const store = new AuditStore(file);
    expect(await store.list({})).toEqual({ entries: [], matched: 0, total: 0 });
    expect(await store.verify()).toEqual({ ok: true, entries: 0, files: 0, firstBroken: null });
  });
});
