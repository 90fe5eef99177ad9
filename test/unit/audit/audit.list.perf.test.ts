import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/model/audit.js';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import { GENESIS_HASH, canonicalJson, hashEntry } from '../../../electron/core/audit/audit.entry.js';
import { toAuditValue } from '../../../electron/core/audit/audit.value.js';

const ENTRIES = 100_000;

/** Builds a valid chained log of `count` entries directly (appending 100k entries with fsync would take minutes). */
function buildLog(count: number): string {
  const lines: string[] = [];
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  for (let seq = 1; seq <= count; seq += 1) {
    const unsigned: Omit<AuditEntry, 'hash'> = {
      seq,
      time: new Date(start + seq * 1000).toISOString(),
      user: 'tester',
      host: 'test-host',
      connection: {
        id: `c${seq % 10}`,
        name: `conn-${seq % 10}`,
        kind: 'zookeeper',
        environment: 'dev',
        endpoints: ['127.0.0.1:2181'],
      },
      operation: 'set',
      path: `/svc/${seq % 100}/key-${seq}`,
      before: toAuditValue(Buffer.from(`{"value": ${seq - 1}, "note": "some config text"}`)),
      after: toAuditValue(Buffer.from(`{"value": ${seq}, "note": "some config text"}`)),
      outcome: 'ok',
      error: null,
      details: null,
      prevHash,
    };
    const entry = { ...unsigned, hash: hashEntry(unsigned) };
    lines.push(canonicalJson(entry));
    prevHash = entry.hash;
  }
  return `${lines.join('\n')}\n`;
}

describe('AuditStore on a 100k-entry log', () => {
  let dir: string;
  let store: AuditStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-audit-perf-'));
    const file = join(dir, 'audit.jsonl');
    await writeFile(file, buildLog(ENTRIES));
    store = await AuditStore.open(file);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the newest matches quickly, with bounded memory', async () => {
    const started = performance.now();
    const newest = await store.list({ limit: 50 });
    const filtered = await store.list({ connectionName: 'conn-3', pathPrefix: '/svc/3/', limit: 5 });
    const elapsed = performance.now() - started;
    console.log(`audit list over ${ENTRIES} entries: ${(elapsed / 2).toFixed(0)} ms per query`);
    expect(newest.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => ENTRIES - i));
    expect(filtered.map((e) => e.seq)).toEqual([99_903, 99_803, 99_703, 99_603, 99_503]);
    // Generous bound for a loaded 2-core CI machine; the figure printed above is the real measure.
    expect(elapsed / 2).toBeLessThan(5000);
  }, 30_000);

  it('verifies the whole chain and appends after it', async () => {
    const started = performance.now();
    expect(await store.verify()).toEqual({ ok: true, entries: ENTRIES, firstBroken: null });
    console.log(`audit verify over ${ENTRIES} entries: ${(performance.now() - started).toFixed(0)} ms`);
    expect(
      (await store.append({ ...(await store.list({ limit: 1 }))[0]!, before: null, after: null })).seq,
    ).toBe(ENTRIES + 1);
  }, 30_000);
});
