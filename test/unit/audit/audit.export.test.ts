import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyProgress } from '../../../shared/model/audit.js';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { queryAuditFiles } from '../../../electron/core/audit/audit.query.js';
import { AUDIT_CSV_HEADER } from '../../../electron/core/audit/audit.export.js';
import { throttledVerifyProgress } from '../../../electron/core/audit/audit.progress.js';
import { logPaths, writeRandomLog } from './fixtures/audit.random.js';
import { TEST_IDENTITY } from './fixtures/audit.records.js';

const MAX = 16 * 1024;

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  return records;
}

describe('AuditStore export and verify progress', () => {
  let dir: string;
  let file: string;
  const open = () => new AuditStore(file, { identity: TEST_IDENTITY, maxFileBytes: MAX });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-export-'));
    file = join(dir, 'audit.jsonl');
    await writeRandomLog(file, 300, 5, MAX);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the filtered entries newest first as the log’s own lines (JSON Lines)', async () => {
    const store = open();
    const paths = await logPaths(file);
    const logLines = (await Promise.all(paths.map((path) => readFile(path, 'utf8'))))
      .join('')
      .trimEnd()
      .split('\n');
    const all = await store.export({}, 'jsonl');
    expect(all).toEqual({ text: `${[...logLines].reverse().join('\n')}\n`, count: 300, truncated: false });
    const filter = { outcome: 'conflict', pathPrefix: '/app' } as const;
    const expected = await queryAuditFiles(paths, { ...filter, limit: 10_000 });
    const some = await store.export(filter, 'jsonl');
    expect(some.count).toBe(expected.matched);
    expect(
      some.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(expected.entries);
    expect(await store.export({ user: 'nobody' }, 'jsonl')).toEqual({ text: '', count: 0, truncated: false });
  });

  it('exports CSV with a header, every field quoted where it must be', async () => {
    const store = open();
    const filter = { connectionName: 'staging, "consul"' };
    const expected = await queryAuditFiles(await logPaths(file), { ...filter, limit: 10_000 });
    const csv = await store.export(filter, 'csv');
    expect(csv.count).toBe(expected.matched);
    expect(csv.truncated).toBe(false);
    expect(csv.text.split('\n')[0]).toBe(
      'seq,time,user,host,connection,environment,kind,operation,path,outcome,error,syncId,revertOf,beforeSize,afterSize',
    );
    expect(AUDIT_CSV_HEADER).toBe(csv.text.split('\n')[0]);
    const [header, ...records] = parseCsv(csv.text);
    expect(header).toHaveLength(15);
    expect(records).toEqual(
      expected.entries.map((entry) => [
        String(entry.seq),
        entry.time,
        entry.user,
        entry.host,
        'staging, "consul"',
        'staging',
        'consul',
        entry.operation,
        entry.path,
        entry.outcome,
        entry.error ? `${entry.error.code}: ${entry.error.message}` : '',
        entry.details?.syncId === undefined ? '' : String(entry.details.syncId),
        entry.details?.revertOf === undefined ? '' : String(entry.details.revertOf),
        entry.before ? String(entry.before.size) : '',
        entry.after ? String(entry.after.size) : '',
      ]),
    );
    expect(csv.text).toContain('"staging, ""consul"""');
    expect(await store.export({ user: 'nobody' }, 'csv')).toEqual({
      text: `${AUDIT_CSV_HEADER}\n`,
      count: 0,
      truncated: false,
    });
  });

  it('carries at most the export maximum, newest first, and says it was truncated', async () => {
    const store = open();
    const jsonl = await store.export({}, 'jsonl', 10);
    expect(jsonl).toMatchObject({ count: 10, truncated: true });
    expect(
      jsonl.text
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { seq: number }).seq),
    ).toEqual(Array.from({ length: 10 }, (_, i) => 300 - i));
    const csv = await store.export({}, 'csv', 10);
    expect(csv).toMatchObject({ count: 10, truncated: true });
    expect(csv.text.trimEnd().split('\n')).toHaveLength(11);
    expect(await store.export({}, 'jsonl', 300)).toMatchObject({ count: 300, truncated: false });
  });

  it('streams every match page by page (the CLI), beyond one page', async () => {
    const lines: string[] = [];
    for await (const line of open().exportLines({}, 'jsonl')) lines.push(line);
    expect(lines).toHaveLength(300);
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual(
      Array.from({ length: 300 }, (_, i) => 300 - i),
    );
  });

  it('reports verify progress over every file: bytes rising to the total, entries counted', async () => {
    const progress: AuditVerifyProgress[] = [];
    const result = await open().verify((p) => progress.push(p));
    const total = (await Promise.all((await logPaths(file)).map((path) => readFile(path)))).reduce(
      (sum, bytes) => sum + bytes.length,
      0,
    );
    expect(result).toMatchObject({ ok: true, entries: 300, files: (await logPaths(file)).length });
    expect(progress.length).toBeGreaterThanOrEqual(result.files);
    expect(progress.at(-1)).toEqual({ bytesDone: total, bytesTotal: total, entries: 300 });
    for (let at = 1; at < progress.length; at += 1) {
      expect(progress[at]!.bytesDone).toBeGreaterThanOrEqual(progress[at - 1]!.bytesDone);
      expect(progress[at]!.entries).toBeGreaterThanOrEqual(progress[at - 1]!.entries);
      expect(progress[at]!.bytesTotal).toBe(total);
    }
  });

  it('throttles progress events to a few a second, always sending the last', () => {
    let now = 0;
    const sent: number[] = [];
    const report = throttledVerifyProgress(
      (p) => sent.push(p.bytesDone),
      () => now,
    );
    for (let done = 0; done <= 100; done += 1) {
      now = done * 10; // one report every 10 ms for a second
      report({ bytesDone: done, bytesTotal: 100, entries: done });
    }
    expect(sent).toEqual([0, 25, 50, 75, 100]);
  });
});
