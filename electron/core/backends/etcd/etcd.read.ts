import type { IKeyValue, IRequestOp } from 'etcd3';
import { AppError, type ConflictDetails } from '../../../../shared/errors.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { folderValue } from '../node-value.js';
import { keyValue, type LeaseInfo } from './etcd.meta.js';
import { resolvePath, type EtcdNode } from './etcd.paths.js';
import { countRequest, type EtcdRpc } from './etcd.rpc.js';

/** The key (when any) and the number of keys below a node, read in one consistent transaction. */
export async function readNode(
  rpc: EtcdRpc,
  node: EtcdNode,
  what: string,
): Promise<{ kv: IKeyValue | null; below: number }> {
  const ops: IRequestOp[] = node.key === null ? [] : [{ request_range: { key: node.key } }];
  for (const range of node.below) ops.push({ request_range: countRequest(range) });
  const response = await rpc.txn(what, [], ops);
  const results = response.responses.map((r) => r.response_range);
  const kv = node.key === null ? null : (results.shift()?.kvs[0] ?? null);
  return { kv, below: results.reduce((sum, r) => sum + Number(r.count), 0) };
}

/** Seconds left on a key's lease, or null when it has none or the lease is gone. */
export async function leaseInfo(rpc: EtcdRpc, kv: IKeyValue): Promise<LeaseInfo | null> {
  if (kv.lease === '0' || kv.lease === '') return null;
  try {
    const lease = await rpc.call('Reading a lease', (client) =>
      client.leaseClient.leaseTimeToLive({ ID: kv.lease }),
    );
    return { ttl: Number(lease.TTL), grantedTtl: Number(lease.grantedTTL) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Builds the NodeValue of a key just read (or written), with its lease. */
export async function valueOf(
  rpc: EtcdRpc,
  path: string,
  kv: IKeyValue,
  below: number,
  maxBytes: number,
): Promise<NodeValue> {
  return keyValue(path, kv, await leaseInfo(rpc, kv), below, maxBytes);
}

/** The value and metadata at `path`; NOT_FOUND when neither the key nor keys below it exist. */
export async function getNode(rpc: EtcdRpc, path: string, maxBytes: number): Promise<NodeValue> {
  const node = resolvePath(path);
  const { kv, below } = await readNode(rpc, node, `Reading ${path}`);
  if (kv !== null) return valueOf(rpc, path, kv, below, maxBytes);
  if (below > 0 || node.isRoot) return folderValue(path, below);
  throw new AppError('NOT_FOUND', `No key exists at or below ${path}.`);
}

/** Number of keys in the subtree of `path`, its own key included. */
export async function countSubtree(rpc: EtcdRpc, path: string): Promise<number> {
  const node = resolvePath(path);
  const { kv, below } = await readNode(rpc, node, `Counting ${path}`);
  return below + (kv === null ? 0 : 1);
}

/** The CONFLICT details of a key as read inside a failed transaction. */
export function conflictDetails(kv: IKeyValue | undefined): ConflictDetails {
  return kv === undefined
    ? { currentValueBase64: null, currentToken: null }
    : { currentValueBase64: (kv.value ?? Buffer.alloc(0)).toString('base64'), currentToken: kv.mod_revision };
}
