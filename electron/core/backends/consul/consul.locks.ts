import type { ConsulHttp } from './consul.http.js';
import type { KvContext } from './consul.kv.js';
import { keysUnder } from './consul.kv.js';
import { mapBounded } from './consul.pool.js';
import { kvPath } from './consul.paths.js';
import { kvJson, KvEntriesSchema, parseJson } from './consul.schemas.js';
import { listSessions } from './consul.sessions.js';
import { TXN_MAX_OPS } from './consul.limits.js';
import { getMany } from './consul.txn.js';

/**
 * Consul cannot list the keys a session locks: only each key's entry names its lock session. The KV is
 * read whole for that, up to this many keys; beyond it the report says so instead of reading everything.
 */
export const LOCK_SCAN_MAX_KEYS = 20_000;

/** Read-only transactions in flight at once while a listing page's locks are read. */
const LOCK_READ_WINDOW = 4;

/** The keys each session locks, read from the whole KV; null (with the key count) past LOCK_SCAN_MAX_KEYS. */
export async function lockedKeysBySession(
  http: ConsulHttp,
): Promise<{ bySession: Map<string, string[]> | null; keyCount: number }> {
  const what = 'Finding the keys locked by sessions';
  const keys = await keysUnder(http, '', what);
  if (keys.length > LOCK_SCAN_MAX_KEYS) return { bySession: null, keyCount: keys.length };
  const bySession = new Map<string, string[]>();
  if (keys.length === 0) return { bySession, keyCount: 0 };
  const response = await http.request({ what, path: kvPath(''), query: { recurse: true }, accept: [404] });
  const entries = response.status === 404 ? [] : parseJson(response, KvEntriesSchema, what, kvJson);
  for (const entry of entries) {
    if (!entry.Session) continue;
    const held = bySession.get(entry.Session) ?? [];
    held.push(entry.Key);
    bySession.set(entry.Session, held);
  }
  return { bySession, keyCount: keys.length };
}

/**
 * Whether the datacenter has no session at all (then no key can be locked). A session listing that fails
 * or is partial (ACLs hid some) settles nothing: false, and the keys themselves are read then.
 */
export async function noSessionExists(http: ConsulHttp): Promise<boolean> {
  const sessions = await listSessions(http).catch(() => null);
  return sessions !== null && sessions.sessions.length === 0 && !sessions.filtered;
}

/**
 * The lock session of each of `keys` (absent: not locked), for a listing page of the level at `prefix`;
 * null when no key of the level can be locked. Without any session in the datacenter no key can be
 * locked, so one cheap session listing per listing of the level usually settles it (consul.levels.ts)
 * and the page builds no map at all; otherwise the keys are read in read-only transactions of 64 (their
 * entries carry the session).
 */
export async function lockSessionsOf(
  ctx: KvContext,
  prefix: string,
  keys: readonly string[],
): Promise<Map<string, string | null> | null> {
  if (keys.length === 0) return null;
  const what = 'Reading the locks of a level';
  if (await ctx.levels.lockFree(prefix, () => noSessionExists(ctx.http))) return null;
  const locks = new Map<string, string | null>();
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += TXN_MAX_OPS) chunks.push(keys.slice(i, i + TXN_MAX_OPS));
  const read = await mapBounded(chunks, LOCK_READ_WINDOW, (chunk) => getMany(ctx, chunk, what));
  for (const entry of read.flat()) if (entry) locks.set(entry.Key, entry.Session ?? null);
  return locks;
}
