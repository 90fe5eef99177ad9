import { AppError } from '../../../../shared/errors.js';
import type { Lease, LeaseKeysPage, LeasePage } from '../../../../shared/model/diagnostics.js';
import type { LeaseApi } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import { leaseHex } from './etcd.meta.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { treePathOf } from './etcd.stream.event.js';

/** Lease look-ups (TTL and keys) in flight at once while a page is filled. */
const LOOKUP_WINDOW = 8;

/** A lease id from its hex form (as etcdctl prints it); INVALID_INPUT otherwise. */
function parseLeaseId(hex: string): bigint {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) {
    throw new AppError('INVALID_INPUT', `"${hex}" is not an etcd lease id (up to 16 hexadecimal digits).`);
  }
  return BigInt(`0x${hex}`);
}

async function mapWindowed<T, R>(items: T[], window: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
  return results;
}

/**
 * The leases of the cluster (etcd lists every lease id at once; the page's TTLs and keys are then read one
 * lease at a time, a few in parallel) and the keys of one lease, as tree paths in key order, paged. Leases
 * are ordered by id; the cursor is the hex id (or the key, base64url) the previous page ended with.
 */
export class EtcdLeases implements LeaseApi {
  constructor(
    private readonly rpc: EtcdRpc,
    private readonly life: SessionLifecycle,
  ) {}

  list(cursor: string | null, limit: number): Promise<LeasePage> {
    return this.life.whileOpen(async () => {
      const after = cursor === null ? null : parseLeaseId(cursor);
      const response = await this.rpc.call('Listing the leases', (c) => c.leaseClient.leaseLeases({}));
      const ids = response.leases
        .map((l) => BigInt(l.ID))
        .filter((id) => after === null || id > after)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const page = ids.slice(0, limit);
      const found = await mapWindowed(page, LOOKUP_WINDOW, (id) => this.lookUp(id));
      // A lease that expired between the listing and its look-up is gone: it is left out.
      const leases = found.filter((l): l is Lease => l !== null);
      const last = page[page.length - 1];
      const nextCursor = ids.length > limit && last !== undefined ? leaseHex(last.toString())! : null;
      return { leases, nextCursor };
    });
  }

  keys(leaseId: string, cursor: string | null, limit: number): Promise<LeaseKeysPage> {
    return this.life.whileOpen(async () => {
      const id = parseLeaseId(leaseId);
      const hex = leaseHex(id.toString()) ?? leaseId;
      const lease = await this.timeToLive(id);
      if (lease === null) {
        throw new AppError('NOT_FOUND', `Lease ${hex} does not exist (it expired or was revoked).`);
      }
      const after = cursor === null ? null : Buffer.from(cursor, 'base64url');
      const keys = lease.keys
        .filter((key) => after === null || Buffer.compare(key, after) > 0)
        .sort(Buffer.compare);
      const page = keys.slice(0, limit);
      const last = page[page.length - 1];
      return {
        leaseId: hex,
        paths: page.map((key) => treePathOf(key) ?? key.toString('utf8')),
        nextCursor: keys.length > limit && last !== undefined ? last.toString('base64url') : null,
      };
    });
  }

  private async lookUp(id: bigint): Promise<Lease | null> {
    const lease = await this.timeToLive(id);
    if (lease === null) return null;
    return {
      id: leaseHex(id.toString())!,
      ttlSec: Number(lease.TTL),
      grantedTtlSec: Number(lease.grantedTTL),
      keyCount: lease.keys.length,
    };
  }

  /** The lease's TTL and keys; null when etcd no longer has it (TTL -1 or "lease not found"). */
  private async timeToLive(id: bigint): Promise<{ TTL: string; grantedTTL: string; keys: Buffer[] } | null> {
    try {
      const lease = await this.rpc.call(`Reading lease ${leaseHex(id.toString())}`, (c) =>
        c.leaseClient.leaseTimeToLive({ ID: id.toString(), keys: true }),
      );
      return Number(lease.TTL) < 0
        ? null
        : { TTL: lease.TTL, grantedTTL: lease.grantedTTL, keys: lease.keys ?? [] };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
