import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { queryAuditFiles } from '../../../electron/core/audit/audit.query.js';
import { AuditLogNames } from '../../../electron/core/audit/audit.files.js';
import { logPaths, random, randomQuery, writeRandomLog } from './fixtures/audit.random.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

const MAX = 16 * 1024;
const ENTRIES = 600;

describe('AuditStore queries through the index', () => {
  let dir: string;
  let file: string;
  let end: number;
  let indexPath: string;
  const open = () => new AuditStore(file, { identity: TEST_IDENTITY, maxFileBytes: MAX });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-index-'));
    file = join(dir, 'audit.jsonl');
    indexPath = new AuditLogNames(file).indexPath;
    ({ end } = await writeRandomLog(file, ENTRIES, 11, MAX));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs random queries against the store and the file scan (the reference) and expects the same pages. */
  async function expectSameAsReference(store: AuditStore, seed: number, runs: number) {
    const next = random(seed);
    const paths = await logPaths(file);
    let nonEmpty = 0;
    for (let run = 0; run < runs; run += 1) {
      const query = randomQuery(next, end);
      const expected = await queryAuditFiles(paths, query);
      const actual = await store.list(query);
      expect(actual, JSON.stringify(query)).toEqual(expected);
      if (expected.entries.length > 0) nonEmpty += 1;
    }
    // The random queries must exercise real matches, not only empty pages.
    expect(nonEmpty).toBeGreaterThan(runs / 3);
  }

  it('answers every filter, AND-ed, with offset paging, exactly as the file scan does (a rotated log)', async () => {
    expect((await logPaths(file)).length).toBeGreaterThan(5);
    await expectSameAsReference(open(), 1, 250);
  }, 60_000);

  it('pages through every match newest first with offset and limit', async () => {
    const store = open();
    const all = await queryAuditFiles(await logPaths(file), { operation: 'set', limit: 10_000 });
    const seqs: number[] = [];
    for (let offset = 0; offset < all.matched; offset += 7) {
      const page = await store.list({ operation: 'set', offset, limit: 7 });
      expect(page.matched).toBe(all.matched);
      seqs.push(...page.entries.map((entry) => entry.seq));
    }
    expect(seqs).toEqual(all.entries.map((entry) => entry.seq));
    expect(await store.list({ operation: 'set', offset: all.matched, limit: 7 })).toMatchObject({
      entries: [],
    });
  });

  it('writes the index beside the log and answers the same from it after a restart', async () => {
    const store = open();
    await store.list({});
    await store.close();
    const written = await stat(indexPath);
    const restarted = open();
    await expectSameAsReference(restarted, 2, 40);
    expect((await stat(indexPath)).mtimeMs).toBe(written.mtimeMs);
  }, 30_000);

  it('rebuilds the index after it is deleted or damaged, with the same answers', async () => {
    await open().list({});
    await unlink(indexPath);
    await expectSameAsReference(open(), 3, 40);
    expect((await stat(indexPath)).size).toBeGreaterThan(0);
    const bytes = await readFile(indexPath);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    await writeFile(indexPath, bytes);
    await expectSameAsReference(open(), 4, 40);
    await writeFile(indexPath, 'not an index');
    await expectSameAsReference(open(), 5, 20);
  }, 30_000);

  it('rebuilds an index whose build numbered the operations otherwise, never misreading its codes', async () => {
    await open().list({});
    const bytes = await readFile(indexPath);
    // The file: an 8-byte magic, the header's length, the JSON header, …, and the sha256 of all before it.
    const headerLength = bytes.readUInt32LE(8);
    const header = bytes.toString('utf8', 12, 12 + headerLength);
    // `create` and `delete` have the same length: swapping them keeps every offset, only the numbering moves.
    const swapped = header.replace('"create","set","delete"', '"delete","set","create"');
    expect(swapped).not.toBe(header);
    bytes.write(swapped, 12, 'utf8');
    const body = bytes.subarray(0, bytes.length - 32);
    createHash('sha256')
      .update(body)
      .digest()
      .copy(bytes, bytes.length - 32);
    await writeFile(indexPath, bytes);
    await expectSameAsReference(open(), 9, 40);
    // Rebuilt and written again with this build's numbering (an index trusted as it was would stay as written).
    const rewritten = await readFile(indexPath);
    expect(rewritten.toString('utf8', 12, 12 + rewritten.readUInt32LE(8))).toContain(
      '"create","set","delete"',
    );
  }, 30_000);

  it('catches up with entries another store (another process) appended and rotated into new files', async () => {
    const reader = open();
    const before = await reader.list({ limit: 1 });
    const filesBefore = (await logPaths(file)).length;
    const writer = open();
    for (let i = 0; i < 60; i += 1) await writer.append(sampleRecord({ path: `/caught/${i}` }));
    expect((await logPaths(file)).length).toBeGreaterThan(filesBefore);
    const after = await reader.list({ pathPrefix: '/caught/', limit: 100 });
    expect(after.matched).toBe(60);
    expect(after.total).toBe(before.total + 60);
    expect(after.entries[0]).toMatchObject({ path: '/caught/59', seq: before.entries[0]!.seq + 60 });
    await expectSameAsReference(reader, 6, 40);
  }, 30_000);

  it('rebuilds a stale index: a log replaced under it', async () => {
    const store = open();
    await store.list({});
    await store.close();
    const other = await mkdtemp(join(tmpdir(), 'configdeck-audit-index-other-'));
    try {
      // Another log of the same shape: same file names, other entries.
      const otherFile = join(other, 'audit.jsonl');
      await writeRandomLog(otherFile, ENTRIES, 99, MAX);
      for (const path of await logPaths(file)) await unlink(path);
      for (const path of await logPaths(otherFile)) {
        await writeFile(join(dir, path.slice(other.length + 1)), await readFile(path));
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    await expectSameAsReference(open(), 7, 40);
    // A store that kept the old index in memory notices too (an entry is not where the index says).
    await expectSameAsReference(store, 8, 40);
  }, 30_000);

  it('finds one entry by seq and the entries of a sync in the order written', async () => {
    const store = open();
    const paths = await logPaths(file);
    const newest = (await queryAuditFiles(paths, { limit: 1 })).entries[0]!;
    expect(await store.entry(newest.seq)).toEqual(newest);
    const third = (await queryAuditFiles(paths, { limit: 10_000 })).entries.find((entry) => entry.seq === 3);
    expect(await store.entry(3)).toEqual(third);
    await expect(store.entry(newest.seq + 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `The audit log has no entry ${newest.seq + 1}.`,
    });
    const group = await store.group('sync-2');
    const expected = (await queryAuditFiles(paths, { syncId: 'sync-2', limit: 10_000 })).entries.reverse();
    expect(group.length).toBeGreaterThan(10);
    expect(group).toEqual(expected);
    expect(await store.group('sync-none')).toEqual([]);
  });
});
