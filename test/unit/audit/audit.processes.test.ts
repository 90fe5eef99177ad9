import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { TEST_IDENTITY } from './fixtures/audit.records.js';

const APPEND_COUNT = fileURLToPath(new URL('./fixtures/append-count.ts', import.meta.url));

function appender(file: string, count: number, tag: string): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', APPEND_COUNT, file, String(count), tag], {
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
});
