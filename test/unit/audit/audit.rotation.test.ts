import {
  appendFile,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntrySchema } from '../../../shared/model/audit.js';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { canonicalJson, GENESIS_HASH, hashEntry } from '../../../electron/core/audit/audit.entry.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

/** A file size that holds a few sample entries (each ~600 bytes). */
const MAX = 2_000;

async function logFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
}

async function entriesOf(path: string) {
  return (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => AuditEntrySchema.parse(JSON.parse(line)));
}

describe('AuditStore rotation', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-rotation-'));
    file = join(dir, 'audit.jsonl');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeLog(count: number): Promise<AuditStore> {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY, maxFileBytes: MAX });
    for (let i = 1; i <= count; i += 1) await store.append(sampleRecord({ path: `/p/${i}` }));
    return store;
  }

  it('continues in audit.000002.jsonl, … past the size, the chain running on across files', async () => {
    const store = await writeLog(20);
    const names = await logFiles(dir);
    expect(names[0]).toBe('audit.000002.jsonl');
    expect(names.at(-1)).toBe('audit.jsonl');
    expect(names.length).toBeGreaterThanOrEqual(5);
    const ordered = ['audit.jsonl', ...names.filter((name) => name !== 'audit.jsonl')];
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (const name of ordered) {
      const path = join(dir, name);
      expect((await stat(path)).size).toBeLessThanOrEqual(MAX);
      for (const entry of await entriesOf(path)) {
        expect(entry).toMatchObject({ seq: seq + 1, prevHash });
        expect(entry.hash).toBe(hashEntry(entry));
        ({ seq, hash: prevHash } = entry);
      }
    }
    expect(seq).toBe(20);
    expect(await store.verify()).toEqual({ ok: true, entries: 20, files: ordered.length, firstBroken: null });
    const page = await store.list({ limit: 5 });
    expect(page.entries.map((e) => e.seq)).toEqual([20, 19, 18, 17, 16]);
    expect(page).toMatchObject({ matched: 20, total: 20 });
    expect((await AuditStore.open(file, { identity: TEST_IDENTITY, maxFileBytes: MAX })).tornCopy).toBeNull();
  });

  it('never splits a batch: a batch larger than the size fills a new file of its own', async () => {
    const store = await writeLog(1);
    const batch = await store.appendMany(Array.from({ length: 6 }, () => sampleRecord()));
    expect(await logFiles(dir)).toEqual(['audit.000002.jsonl', 'audit.jsonl']);
    expect((await entriesOf(join(dir, 'audit.000002.jsonl'))).map((e) => e.seq)).toEqual(
      batch.map((e) => e.seq),
    );
    expect((await store.verify()).ok).toBe(true);
  });

  it('names a tampered middle file, its entry and line', async () => {
    const store = await writeLog(20);
    const middle = join(dir, 'audit.000003.jsonl');
    const lines = (await readFile(middle, 'utf8')).split('\n');
    const victim = AuditEntrySchema.parse(JSON.parse(lines[1]!));
    lines[1] = lines[1]!.replace('"new"', '"evil"');
    await writeFile(middle, lines.join('\n'));
    expect(await store.verify()).toMatchObject({
      ok: false,
      entries: 20,
      firstBroken: {
        file: 'audit.000003.jsonl',
        seq: victim.seq,
        line: 2,
        reason: expect.stringContaining('hash mismatch'),
      },
    });
  });

  it('names a deleted middle file as a gap in the chain', async () => {
    const store = await writeLog(20);
    const gone = await entriesOf(join(dir, 'audit.000002.jsonl'));
    await unlink(join(dir, 'audit.000002.jsonl'));
    const result = await store.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({
      file: 'audit.000003.jsonl',
      seq: gone.at(-1)!.seq + 1,
      line: 1,
      reason: expect.stringMatching(/entr(y|ies) .* missing.*log file 2 is missing/),
    });
    // Queries span what is left.
    expect((await store.list({})).total).toBe(20 - gone.length);
  });

  it('names files swapped out of order', async () => {
    const store = await writeLog(20);
    await rename(join(dir, 'audit.000002.jsonl'), join(dir, 'swap'));
    await rename(join(dir, 'audit.000003.jsonl'), join(dir, 'audit.000002.jsonl'));
    await rename(join(dir, 'swap'), join(dir, 'audit.000003.jsonl'));
    expect((await store.verify()).firstBroken).toMatchObject({
      file: 'audit.000002.jsonl',
      line: 1,
      reason: expect.stringContaining('missing or out of order'),
    });
  });

  it('continues after another store (another process) appended and rotated', async () => {
    const mine = await writeLog(3);
    const other = await AuditStore.open(file, { identity: TEST_IDENTITY, maxFileBytes: MAX });
    for (let i = 0; i < 8; i += 1) await other.append(sampleRecord({ path: `/other/${i}` }));
    const next = await mine.append(sampleRecord({ path: '/mine' }));
    expect(next.seq).toBe(12);
    expect((await other.append(sampleRecord())).seq).toBe(13);
    expect(await mine.verify()).toMatchObject({ ok: true, entries: 13 });
    expect((await mine.list({ pathPrefix: '/other/' })).matched).toBe(8);
  });

  it('repairs a torn tail of the active rotated file, and continues from the file before an emptied one', async () => {
    const store = await writeLog(10);
    const names = (await logFiles(dir)).filter((name) => name !== 'audit.jsonl');
    const active = join(dir, names.at(-1)!);
    const last = (await entriesOf(active)).at(-1)!;
    const next = join(dir, `audit.${String(names.length + 2).padStart(6, '0')}.jsonl`);
    // A crash during the first write of a new file: the file holds only a torn line.
    await appendFile(next, '{"seq":11,"ti');
    const reopened = await AuditStore.open(file, { identity: TEST_IDENTITY, maxFileBytes: MAX });
    expect(reopened.tornCopy).toContain(`${next}.torn-`);
    const entry = await reopened.append(sampleRecord());
    expect(entry).toMatchObject({ seq: 11, prevHash: last.hash });
    expect(await readFile(next, 'utf8')).toBe(`${canonicalJson(entry)}\n`);
    expect(await store.verify()).toMatchObject({ ok: true, entries: 11 });
  });

  it('verifies the log as it was when the verify began, while appends go on', async () => {
    const store = await writeLog(20);
    const verifying = store.verify();
    const appended = await Promise.all([store.append(sampleRecord()), store.append(sampleRecord())]);
    expect(appended.map((entry) => entry.seq)).toEqual([21, 22]);
    expect(await verifying).toMatchObject({ ok: true, entries: 20 });
    expect(await store.verify()).toMatchObject({ ok: true, entries: 22 });
  });
});
