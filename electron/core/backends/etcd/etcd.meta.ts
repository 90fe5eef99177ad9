import { nodeWithValue } from '../node-value.js';
import type { IKeyValue } from 'etcd3';
import { inWords } from '../../../../shared/labels/core-words.js';
import { metaField } from '../../../../shared/labels/meta-fields.js';
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
    metaField('create_revision', kv.create_revision),
    metaField('mod_revision', kv.mod_revision),
    metaField('version', kv.version),
    metaField('lease', hex ?? inWords('none')),
  ];
  if (hex !== null && lease !== null) {
    fields.push(
      metaField('lease_ttl', lease.ttl < 0 ? inWords('expired') : inWords('seconds', { n: lease.ttl })),
    );
    fields.push(metaField('lease_granted_ttl', inWords('seconds', { n: lease.grantedTtl })));
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
