import { readKey, type KvContext } from './consul.kv.js';
import { mapBounded } from './consul.pool.js';
import { kvJson, parseJson, TxnErrorSchema, TxnResultsSchema, type KvEntry } from './consul.schemas.js';

/** One KV operation of a transaction; `index` and `flags` are decimal strings (64-bit in Consul). */
export interface TxnOp {
  verb: 'delete' | 'delete-tree' | 'delete-cas' | 'cas' | 'check-index' | 'check-not-exists' | 'get';
  key: string;
  index?: string;
  value?: Buffer;
  flags?: string;
}

function wireOf(op: TxnOp): Record<string, string> {
  return {
    Verb: op.verb,
    Key: op.key,
    ...(op.value === undefined ? {} : { Value: op.value.toString('base64') }),
    ...(op.flags === undefined ? {} : { Flags: op.flags }),
    ...(op.index === undefined ? {} : { Index: op.index }),
  };
}

/**
 * Runs KV operations atomically (PUT /v1/txn, at most TXN_MAX_OPS). Resolves false when Consul rolled
 * the transaction back (a cas or check verb failed), with Consul's reasons.
 */
export async function runTxn(
  ctx: KvContext,
  ops: TxnOp[],
  what: string,
): Promise<{ committed: boolean; errors: string[] }> {
  const wire = ops.map((op) => ({ KV: wireOf(op) }));
  // Indexes and flags are 64-bit: written as bare digits so no JS number rounds them.
  const body = JSON.stringify(wire).replace(/"(Index|Flags)":"(\d+)"/g, '"$1":$2');
  const response = await ctx.http.request({ what, method: 'PUT', path: '/v1/txn', body, accept: [409] });
  if (response.status !== 409) return { committed: true, errors: [] };
  const errors = parseJson(response, TxnErrorSchema, what).Errors ?? [];
  return { committed: false, errors: errors.map((e) => e.What) };
}

/**
 * Reads up to TXN_MAX_OPS keys (with values) in one read-only transaction, in the order given. A `get`
 * fails the whole transaction when its key is missing (deleted since it was listed): the keys are then
 * read one by one, and a missing one comes back as null.
 */
export async function getMany(
  ctx: KvContext,
  keys: readonly string[],
  what: string,
  signal?: AbortSignal,
): Promise<Array<KvEntry | null>> {
  const body = JSON.stringify(keys.map((key) => ({ KV: wireOf({ verb: 'get', key }) })));
  const response = await ctx.http.request({
    what,
    method: 'PUT',
    path: '/v1/txn',
    body,
    accept: [409],
    ...(signal ? { signal } : {}),
  });
  if (response.status === 409) return mapBounded(keys, 4, (key) => readKey(ctx.http, key, what));
  const results = parseJson(response, TxnResultsSchema, what, kvJson).Results ?? [];
  const byKey = new Map(results.map((result) => [result.KV.Key, result.KV]));
  return keys.map((key) => byKey.get(key) ?? null);
}
