import type { KvContext } from './consul.kv.js';
import { parseJson, TxnErrorSchema } from './consul.schemas.js';

/** One KV operation of a transaction; `index` is a decimal ModifyIndex (cas verbs). */
export interface TxnOp {
  verb: 'delete' | 'delete-tree' | 'delete-cas';
  key: string;
  index?: string;
}

/**
 * Runs KV operations atomically (PUT /v1/txn, at most 64). Resolves false when Consul rolled the
 * transaction back (a cas verb found another index), with Consul's reasons.
 */
export async function runTxn(
  ctx: KvContext,
  ops: TxnOp[],
  what: string,
): Promise<{ committed: boolean; errors: string[] }> {
  const wire = ops.map((op) => ({
    KV: { Verb: op.verb, Key: op.key, ...(op.index === undefined ? {} : { Index: op.index }) },
  }));
  // Indexes are 64-bit: written as bare digits so no JS number rounds them.
  const body = JSON.stringify(wire).replace(/"Index":"(\d+)"/g, '"Index":$1');
  const response = await ctx.http.request({ what, method: 'PUT', path: '/v1/txn', body, accept: [409] });
  if (response.status !== 409) return { committed: true, errors: [] };
  const errors = parseJson(response, TxnErrorSchema, what).Errors ?? [];
  return { committed: false, errors: errors.map((e) => e.What) };
}
