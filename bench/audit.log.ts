// Writes a realistic audit log of N entries straight into rotated files (no fsync per entry: appending a
// million entries one by one through the store would take far longer than the queries being measured).
import { open } from 'node:fs/promises';
import type { AuditEntry } from '../shared/model/audit.js';
import { canonicalJson } from '../electron/core/audit/audit.entry.js';
import { AUDIT_MAX_FILE_BYTES, AuditLogNames } from '../electron/core/audit/audit.files.js';
import { buildAuditEntry, type AuditRecord } from '../electron/core/audit/audit.record.js';
import { GENESIS_HASH } from '../electron/core/audit/audit.entry.js';

const DAY = 86_400_000;
const KINDS = ['zookeeper', 'etcd', 'consul', 'nacos'] as const;
const ENVS = ['dev', 'test', 'staging', 'prod'] as const;
const SERVICES = Array.from({ length: 120 }, (_, i) => `svc-${String(i).padStart(3, '0')}`);
const KEYS = [
  'timeout',
  'retries',
  'pool-size',
  'url',
  'feature-flags.json',
  'log-level',
  'endpoints.yaml',
  'limits',
];
const USERS = Array.from({ length: 25 }, (_, i) => `user${i}`);

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchLog {
  files: number;
  bytes: number;
  start: number;
  end: number;
  /** Values the queries use. */
  connectionName: string;
  pathPrefix: string;
}

/** Writes `count` chained entries over 30 days into `file` and the files it rotates to. */
export async function writeBenchLog(file: string, count: number): Promise<BenchLog> {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const connections: AuditRecord['connection'][] = Array.from({ length: 40 }, (_, i) => ({
    id: `conn-${i}`,
    name: `${ENVS[Math.floor(i / 4) % 4]}-${KINDS[i % 4]}-${i}`,
    kind: KINDS[i % 4]!,
    environment: ENVS[Math.floor(i / 4) % 4]!,
    endpoints: [`10.0.${i}.1:2181`, `10.0.${i}.2:2181`],
  }));
  const names = new AuditLogNames(file);
  const end = Date.parse('2026-11-30T00:00:00.000Z');
  const start = end - 30 * DAY;
  const step = (end - start) / count;
  let number = 1;
  let size = 0;
  let bytes = 0;
  let handle = await open(names.path(number), 'w', 0o600);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await handle.write(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  let prevHash = GENESIS_HASH;
  let sync: { id: string; left: number; connection: AuditRecord['connection'] } | null = null;
  for (let seq = 1; seq <= count; seq += 1) {
    // A sync writes a run of entries to one connection under one id; single edits come in between.
    if (sync === null && next() < 0.01) {
      sync = { id: `sync-${seq}`, left: 5 + Math.floor(next() * 60), connection: pick(connections) };
    }
    const roll = next();
    const operation: AuditEntry['operation'] =
      sync !== null
        ? roll < 0.7
          ? 'set'
          : roll < 0.95
            ? 'create'
            : 'delete'
        : roll < 0.6
          ? 'set'
          : roll < 0.75
            ? 'create'
            : roll < 0.85
              ? 'delete'
              : roll < 0.93
                ? 'import'
                : roll < 0.97
                  ? 'revert'
                  : 'sync';
    const outcomeRoll = next();
    const outcome: AuditEntry['outcome'] =
      outcomeRoll < 0.9 ? 'ok' : outcomeRoll < 0.95 ? 'conflict' : outcomeRoll < 0.98 ? 'refused' : 'failed';
    const service = pick(SERVICES);
    const path = `/services/${service}/config/${pick(KEYS)}${next() < 0.3 ? `/${Math.floor(next() * 40)}` : ''}`;
    const value = (n: number) =>
      Buffer.from(JSON.stringify({ service, value: n, note: 'x'.repeat(20 + Math.floor(next() * 120)) }));
    const record: AuditRecord = {
      connection: sync?.connection ?? pick(connections),
      operation,
      path,
      before: operation === 'create' ? null : value(seq - 1),
      after: operation === 'delete' ? null : value(seq),
      outcome,
      ...(outcome === 'ok'
        ? {}
        : { error: { code: outcome.toUpperCase(), message: `The write was ${outcome}.` } }),
      details:
        sync !== null
          ? { syncId: sync.id }
          : operation === 'revert'
            ? { revertOf: Math.max(1, seq - 100) }
            : null,
    };
    const entry = buildAuditEntry(record, {
      seq,
      prevHash,
      time: new Date(start + seq * step),
      identity: { user: pick(USERS), host: 'ops-host' },
    });
    prevHash = entry.hash;
    if (sync !== null && --sync.left === 0) sync = null;
    const line = Buffer.from(`${canonicalJson(entry)}\n`, 'utf8');
    if (size > 0 && size + line.length > AUDIT_MAX_FILE_BYTES) {
      await flush();
      await handle.close();
      number += 1;
      size = 0;
      handle = await open(names.path(number), 'w', 0o600);
    }
    pending.push(line);
    pendingBytes += line.length;
    size += line.length;
    bytes += line.length;
    if (pendingBytes > 4 * 1024 * 1024) await flush();
  }
  await flush();
  await handle.close();
  return {
    files: number,
    bytes,
    start,
    end,
    connectionName: connections[7]!.name,
    pathPrefix: '/services/svc-042/',
  };
}
