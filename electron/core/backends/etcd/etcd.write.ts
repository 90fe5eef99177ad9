import type { ICompare, IRequestOp } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { resolvePath, type EtcdNode } from './etcd.paths.js';
import { conflictDetails, valueOf } from './etcd.read.js';
import { countRequest, type EtcdRpc } from './etcd.rpc.js';
import type { SessionOperation } from '../kit/session.operation.js';

/** The key of a node that can hold a value; the synthetic folder cannot. */
export function writableKey(node: EtcdNode): Buffer {
  if (node.key === null) {
    throw new AppError(
      'INVALID_INPUT',
      `${node.path} is a synthetic folder for keys without a leading "/" and holds no value.`,
    );
  }
  return node.key;
}

/** Checks a token (etcd mod_revision as a decimal string; '0' means "must not exist"). */
export function parseToken(token: string): string {
  if (!/^\d{1,19}$/.test(token))
    throw new AppError('INVALID_INPUT', `"${token}" is not an etcd revision token.`);
  return token;
}

function readBack(node: EtcdNode, key: Buffer): IRequestOp[] {
  return [
    { request_range: { key } },
    ...node.below.map((range): IRequestOp => ({ request_range: countRequest(range) })),
  ];
}

/**
 * Writes `value` at `path` when the key is still at `token` (null: unconditionally); keeps the key's lease.
 * The put returns the value it replaced (prev_kv) in the same transaction.
 */
export const setNode: SessionOperation<EtcdRpc, 'set'> = async (rpc, path, value, token) => {
  const node = resolvePath(path);
  const key = writableKey(node);
  const what = `Writing ${path}`;
  const keepLease: IRequestOp = { request_put: { key, value, ignore_lease: true, prev_kv: true } };
  const plainPut: IRequestOp = { request_put: { key, value, prev_kv: true } };
  let compare: ICompare;
  let failure: IRequestOp[];
  if (token === null) {
    // ignore_lease fails on a missing key, so an existing key keeps its lease and a new one is put plainly.
    compare = { key, target: 'Version', result: 'Greater', version: 0 };
    failure = [plainPut, ...readBack(node, key)];
  } else if (parseToken(token) === '0') {
    compare = { key, target: 'Create', result: 'Equal', create_revision: 0 };
    failure = [{ request_range: { key } }];
  } else {
    compare = { key, target: 'Mod', result: 'Equal', mod_revision: token };
    failure = [{ request_range: { key } }];
  }
  const success = [token === '0' ? plainPut : keepLease, ...readBack(node, key)];
  const response = await rpc.txn(what, [compare], success, failure);
  if (!response.succeeded && token !== null) {
    const current = response.responses[0]?.response_range.kvs[0];
    const message =
      current === undefined
        ? `${path} was deleted by someone else since it was read.`
        : `${path} was changed by someone else since it was read (now at revision ${current.mod_revision}).`;
    throw new AppError('CONFLICT', message, conflictDetails(current));
  }
  const [put, written, ...counts] = response.responses;
  const kv = written?.response_range.kvs[0];
  if (kv === undefined) throw new AppError('INTERNAL', `${what}: etcd did not return the key it just wrote.`);
  const below = counts.reduce((sum, r) => sum + Number(r.response_range.count), 0);
  const before = put?.response_put?.prev_kv?.value ?? null;
  return { node: await valueOf(rpc, path, kv, below, 0), before };
};

async function revokeQuietly(rpc: EtcdRpc, lease: string): Promise<void> {
  await rpc
    .call('Revoking a lease', (client) => client.leaseClient.leaseRevoke({ ID: lease }))
    .catch(() => undefined);
}

/** Creates the key at `path`; NODE_EXISTS when it exists. A lease TTL attaches a new lease (not kept alive). */
// Ephemeral, sequential, container and TTL modes never get here: etcd's node capabilities have none of them.
export const createNode: SessionOperation<EtcdRpc, 'create'> = async (rpc, path, value, mode) => {
  const node = resolvePath(path);
  const key = writableKey(node);
  let lease: string | null = null;
  if (mode.leaseTtlSec !== undefined) {
    const ttl = mode.leaseTtlSec;
    const granted = await rpc.call(`Granting a lease for ${path}`, (client) =>
      client.leaseClient.leaseGrant({ TTL: ttl }),
    );
    lease = granted.ID;
  }
  try {
    const put: IRequestOp = { request_put: { key, value, ...(lease === null ? {} : { lease }) } };
    const response = await rpc.txn(
      `Creating ${path}`,
      [{ key, target: 'Create', result: 'Equal', create_revision: 0 }],
      [put],
    );
    if (!response.succeeded) throw new AppError('NODE_EXISTS', `A key already exists at ${path}.`);
  } catch (error) {
    if (lease !== null) await revokeQuietly(rpc, lease);
    throw error;
  }
  return { path };
};
