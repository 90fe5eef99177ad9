import type { MetaField } from '../model/node.js';
import type { Worded } from './core-words.js';
import { hasLabel, labelledRow } from './label-table.js';

/**
 * The English labels of node metadata (`MetaField.label`), one per key across every store, so that a key
 * means one thing wherever it appears (ZooKeeper's data version is `dataVersion`, etcd's is `version`).
 * The UI shows `coreLabels:metaField.<key>`; the unit test keeps the English catalogue equal to this table.
 */
export const META_FIELD_LABELS = {
  // ZooKeeper stat, in zkCli's names.
  czxid: 'Created zxid',
  ctime: 'Created',
  mzxid: 'Modified zxid',
  mtime: 'Modified',
  pzxid: 'Children zxid',
  dataVersion: 'Data version',
  cversion: 'Children version',
  aversion: 'ACL version',
  ephemeralOwner: 'Ephemeral owner',
  dataLength: 'Data length',
  numChildren: 'Children',
  // etcd (and the in-memory store, which stands in for it).
  create_revision: 'Create revision',
  mod_revision: 'Mod revision',
  version: 'Version',
  lease: 'Lease',
  lease_ttl: 'Lease TTL left',
  lease_granted_ttl: 'Lease granted TTL',
  ephemeral_owner: 'Ephemeral owner',
  container: 'Container',
  // Consul KV.
  key: 'Consul key',
  create_index: 'Create index',
  modify_index: 'Modify index',
  lock_index: 'Lock index',
  flags: 'Flags',
  session: 'Lock held by',
  lock_session: 'Lock session',
  // Nacos configs and namespaces.
  type: 'Type',
  md5: 'MD5',
  description: 'Description',
  tags: 'Tags',
  appName: 'App name',
  lastModified: 'Last modified',
  created: 'Created',
  namespaceId: 'Namespace id',
  namespaceName: 'Name',
} as const;
export type MetaFieldKey = keyof typeof META_FIELD_LABELS;

/** Whether a key from the core (or a snapshot file) is one of the labelled metadata keys. */
export function isMetaFieldKey(key: string): key is MetaFieldKey {
  return hasLabel(META_FIELD_LABELS, key);
}

/** A metadata row labelled from its key; a value in words carries its word. */
export function metaField(key: MetaFieldKey, value: string | Worded): MetaField {
  return labelledRow(META_FIELD_LABELS, key, value);
}

/** A metadata row read back from a file (a snapshot): a known key labelled, any other labelled by itself. */
export function storedMetaField(key: string, value: string): MetaField {
  return isMetaFieldKey(key) ? metaField(key, value) : { key, label: key, value };
}
