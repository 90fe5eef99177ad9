import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

const APPEND_COUNT = fileURLToPath(new URL('./fixtures/append-count.ts', import.meta.url));

function appender(file: string, count: number, tag: string, maxFileBytes?: number): Promise<number | null> {
  const args = [
    APPEND_COUNT,
    file,
    String(count),
    tag,
    ...(maxFileBytes === undefined ? [] : [String(maxFileBytes)]),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('AuditStore across processes (the app and the CLI on one log)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-procs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps one intact chain when two processes append at the same time', async () => {
    const file = join(dir, 'audit.jsonl');
    expect(await Promise.all([appender(file, 150, 'a'), appender(file, 150, 'b')])).toEqual([0, 0]);
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    expect(await store.verify()).toEqual({ ok: true, entries: 300, files: 1, firstBroken: null });
    const paths = (await store.list({ limit: 300 })).entries.map((entry) => entry.path);
    expect(paths.filter((path) => path.startsWith('/a/'))).toHaveLength(150);
    expect(paths.filter((path) => path.startsWith('/b/'))).toHaveLength(150);
  }, 60_000);

  it('keeps one chain across rotated files when two processes append and rotate at the same time', async () => {
    const file = join(dir, 'audit.jsonl');
    const reader = await AuditStore.open(file, { identity: TEST_IDENTITY, maxFileBytes: 4096 });
    expect((await reader.list({})).total).toBe(0);
    expect(await Promise.all([appender(file, 120, 'a', 4096), appender(file, 120, 'b', 4096)])).toEqual([
      0, 0,
    ]);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl'));
    expect(files.length).toBeGreaterThan(10);
    expect(await reader.verify()).toEqual({ ok: true, entries: 240, files: files.length, firstBroken: null });
    // The reader's index (built before the others wrote) catches up with every file they added.
    const page = await reader.list({ pathPrefix: '/b/', limit: 200 });
    expect(page).toMatchObject({ matched: 120, total: 240 });
    expect(page.entries.map((entry) => entry.path)).toEqual(
      Array.from({ length: 120 }, (_, i) => `/b/${119 - i}`),
    );
    expect((await reader.append(sampleRecord())).seq).toBe(241);
  }, 60_000);
});
