import { nodeWithValue } from '../node-value.js';
import type { IKeyValue } from 'etcd3';
import type { MetaField, NodeValue } from '../../../../shared/model/node.js';

/** What etcd reports about a lease: seconds left (-1 when expired) and the TTL it was granted with. */
export interface LeaseInfo {
  ttl: number;
  grantedTtl: number;
}

/** A lease id as etcdctl prints it (`%016x`), or null when the key has no lease. */
export function leaseHex(lease: string): string | null {
  return lease === '0' || lease === '' ? null : BigInt(lease).toString(16).padStart(16, '0');
}

function metaFields(kv: IKeyValue, lease: LeaseInfo | null): MetaField[] {
  const hex = leaseHex(kv.lease);
  const fields: MetaField[] = [
    { key: 'create_revision', label: 'Create revision', value: kv.create_revision },
    { key: 'mod_revision', label: 'Mod revision', value: kv.mod_revision },
    { key: 'version', label: 'Version', value: kv.version },
    { key: 'lease', label: 'Lease', value: hex ?? 'none' },
  ];
  if (hex !== null && lease !== null) {
    fields.push({
      key: 'lease_ttl',
      label: 'Lease TTL left',
      value: lease.ttl < 0 ? 'expired' : `${lease.ttl} s`,
    });
    fields.push({ key: 'lease_granted_ttl', label: 'Lease granted TTL', value: `${lease.grantedTtl} s` });
  }
  return fields;
}

/** The NodeValue of a key that exists, cut to `maxBytes` (0 = all). */
export function keyValue(
  path: string,
  kv: IKeyValue,
  lease: LeaseInfo | null,
  childCount: number,
  maxBytes: number,
): NodeValue {
  const facts = { path, token: kv.mod_revision, meta: metaFields(kv, lease), childCount };
  return nodeWithValue(facts, kv.value ?? Buffer.alloc(0), maxBytes);
}
