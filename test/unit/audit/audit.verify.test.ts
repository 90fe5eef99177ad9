import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { canonicalJson, hashEntry } from '../../../electron/core/audit/audit.entry.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

describe('AuditStore.verify detects tampering', () => {
  let dir: string;
  let file: string;
  let lines: string[];

  /** Writes the log back with `edit` applied to its lines, and verifies it with a fresh store. */
  async function verifyEdited(edit: (lines: string[]) => string[]) {
    await writeFile(
      file,
      edit([...lines])
        .map((line) => `${line}\n`)
        .join(''),
    );
    return new AuditStore(file, { identity: TEST_IDENTITY }).verify();
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-verify-'));
    file = join(dir, 'audit.jsonl');
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    for (let i = 1; i <= 5; i += 1) await store.append(sampleRecord({ path: `/p/${i}` }));
    lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts the untouched log', async () => {
    expect(await verifyEdited((l) => l)).toEqual({ ok: true, entries: 5, files: 1, firstBroken: null });
  });

  it('an edited field', async () => {
    const result = await verifyEdited((l) => {
      l[2] = (l[2] ?? '').replace('"/p/3"', '"/p/evil"');
      return l;
    });
    expect(result).toEqual({
      ok: false,
      entries: 5,
      files: 1,
      firstBroken: { file: 'audit.jsonl', seq: 3, line: 3, reason: expect.stringContaining('hash mismatch') },
    });
  });

  it('an added field', async () => {
    const result = await verifyEdited((l) => {
      l[1] = (l[1] ?? '').replace(/^\{/, '{"approvedBy":"nobody",');
      return l;
    });
    expect(result.firstBroken).toMatchObject({
      seq: 2,
      line: 2,
      reason: expect.stringContaining('hash mismatch'),
    });
  });

  it('an edited entry whose own hash was recomputed', async () => {
    const result = await verifyEdited((l) => {
      const entry = JSON.parse(l[2] ?? '') as Record<string, unknown>;
      entry.outcome = 'failed';
      entry.hash = hashEntry(entry);
      l[2] = canonicalJson(entry);
      return l;
    });
    expect(result.firstBroken).toMatchObject({
      seq: 4,
      line: 4,
      reason: expect.stringContaining('prevHash'),
    });
  });

  it('a deleted line', async () => {
    const result = await verifyEdited((l) => l.filter((_, i) => i !== 2));
    expect(result).toEqual({
      ok: false,
      entries: 4,
      files: 1,
      firstBroken: {
        file: 'audit.jsonl',
        seq: 4,
        line: 3,
        reason: expect.stringContaining('entry 3 is missing'),
      },
    });
  });

  it('a deleted first line', async () => {
    const result = await verifyEdited((l) => l.slice(1));
    expect(result.firstBroken).toMatchObject({
      seq: 2,
      line: 1,
      reason: expect.stringContaining('1 was expected'),
    });
  });

  it('reordered lines', async () => {
    const result = await verifyEdited((l) => [l[0], l[2], l[1], l[3], l[4]] as string[]);
    expect(result.firstBroken).toMatchObject({
      seq: 3,
      line: 2,
      reason: expect.stringContaining('out of order'),
    });
  });

  it('a duplicated line', async () => {
    const result = await verifyEdited((l) => [l[0], l[1], l[1], l[2]] as string[]);
    expect(result.firstBroken).toMatchObject({
      seq: 2,
      line: 3,
      reason: expect.stringContaining('reordered or duplicated'),
    });
  });

  it('a garbage line', async () => {
    const result = await verifyEdited((l) => [...l.slice(0, 2), 'not json at all', ...l.slice(2)]);
    expect(result).toEqual({
      ok: false,
      entries: 6,
      files: 1,
      firstBroken: { file: 'audit.jsonl', seq: 3, line: 3, reason: 'not valid JSON' },
    });
  });

  it('an empty line and a JSON line that is not an entry', async () => {
    expect((await verifyEdited((l) => [l[0], '', ...l.slice(1)] as string[])).firstBroken).toMatchObject({
      seq: 2,
      line: 2,
      reason: 'empty line',
    });
    expect(
      (await verifyEdited((l) => [l[0], '{"seq":2}', ...l.slice(1)] as string[])).firstBroken,
    ).toMatchObject({
      line: 2,
      reason: expect.stringContaining('not an audit entry'),
    });
  });

  it('refuses to append after a last line that is not an entry, instead of forking the chain', async () => {
    await writeFile(file, `${lines.join('\n')}\ngarbage\n`);
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await expect(store.append(sampleRecord())).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('unreadable'),
    });
    expect((await store.verify()).firstBroken).toMatchObject({ line: 6, reason: 'not valid JSON' });
  });
});
