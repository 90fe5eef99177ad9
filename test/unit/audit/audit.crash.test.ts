import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { sampleRecord, TEST_IDENTITY } from './fixtures/audit.records.js';

const APPEND_LOOP = fileURLToPath(new URL('./fixtures/append-loop.ts', import.meta.url));

describe('AuditStore crash safety', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-crash-'));
    file = join(dir, 'audit.jsonl');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('cuts a torn last line on open, keeps a copy of it, and continues the chain', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    for (let i = 0; i < 3; i += 1) await store.append(sampleRecord());
    const intact = await readFile(file, 'utf8');
    // What a crash mid-write leaves: the first half of a line, no newline.
    const torn = intact.split('\n')[0]?.slice(0, 120) ?? '';
    await appendFile(file, torn);

    const reopened = await AuditStore.open(file, { identity: TEST_IDENTITY });
    expect(await readFile(file, 'utf8')).toBe(intact);
    const copy = reopened.tornCopy;
    expect(copy).toMatch(/audit\.jsonl\.torn-\d{4}-\d\d-\d\dT/);
    expect(await readFile(copy ?? '', 'utf8')).toBe(torn);
    expect((await reopened.append(sampleRecord())).seq).toBe(4);
    expect(await reopened.verify()).toEqual({ ok: true, entries: 4, files: 1, firstBroken: null });
  });

  it('repairs a torn tail left by another process before its next append or verify', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await store.append(sampleRecord());
    await appendFile(file, '{"seq":2,"ti');
    expect(await store.verify()).toEqual({ ok: true, entries: 1, files: 1, firstBroken: null });
    await appendFile(file, '{"seq":2,"ti');
    expect((await store.append(sampleRecord())).seq).toBe(2);
    expect(await store.verify()).toEqual({ ok: true, entries: 2, files: 1, firstBroken: null });
    expect((await readdir(dir)).filter((name) => name.includes('.torn-'))).toHaveLength(2);
  });

  it('treats a log that is only a torn line as empty', async () => {
    await appendFile(file, '{"seq":1,"time":"20');
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    expect(store.tornCopy).not.toBeNull();
    expect((await store.append(sampleRecord())).seq).toBe(1);
    expect((await store.verify()).ok).toBe(true);
  });

  it('finds the last entry however long it is (a tail longer than one read chunk)', async () => {
    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    await store.append(sampleRecord({ after: Buffer.alloc(60 * 1024, 'x') }));
    await store.append(sampleRecord({ after: Buffer.alloc(64 * 1024, 'y') }));
    await appendFile(file, 'z'.repeat(70 * 1024));
    const reopened = await AuditStore.open(file, { identity: TEST_IDENTITY });
    expect((await reopened.append(sampleRecord())).seq).toBe(3);
    expect(await reopened.verify()).toEqual({ ok: true, entries: 3, files: 1, firstBroken: null });
  });

  it('survives SIGKILL of a process appending in a loop: every acknowledged entry is intact', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', APPEND_LOOP, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
        if (acknowledged >= 40) resolve();
      });
      child.on('exit', () => reject(new Error(`the append loop exited early: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = await AuditStore.open(file, { identity: TEST_IDENTITY });
    const result = await store.verify();
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(acknowledged);
    const [newest] = (await store.list({ limit: 1 })).entries;
    expect((await store.append(sampleRecord())).seq).toBe((newest?.seq ?? 0) + 1);
    expect((await store.verify()).ok).toBe(true);
  }, 30_000);
});
