import type { OwnerFact } from '../model/diagnostics.js';
import type { Worded } from './core-words.js';
import { hasLabel, labelledRow } from './label-table.js';

/**
 * The English labels of the facts about a node's owner (`OwnerReport.facts`), one per key. The UI shows
 * `coreLabels:ownerFact.<key>`; the unit test keeps the English catalogue equal to this table.
 */
export const OWNER_FACT_LABELS = {
  // ZooKeeper: the owning session's connection and nodes.
  connectedTo: 'Connected to',
  connectedSince: 'Connected since',
  sessionTimeout: 'Session timeout',
  lastOperation: 'Last operation',
  sessionEphemerals: 'Ephemeral nodes of the session',
  createdZxid: 'Node created at zxid',
  serverPath: 'Server path',
  // Consul: the lock session and the key.
  sessionName: 'Session name',
  node: 'Node',
  checks: 'Checks',
  ttl: 'TTL',
  behavior: 'Behavior',
  lockDelay: 'Lock delay',
  key: 'Key',
  lockIndex: 'Lock index',
} as const;
export type OwnerFactKey = keyof typeof OWNER_FACT_LABELS;

/** Whether a key from the core is one of the labelled owner facts. */
export function isOwnerFactKey(key: string): key is OwnerFactKey {
  return hasLabel(OWNER_FACT_LABELS, key);
}

/** A fact about an owner labelled from its key; a value in words carries its word. */
export function ownerFact(key: OwnerFactKey, value: string | Worded): OwnerFact {
  return labelledRow(OWNER_FACT_LABELS, key, value);
}
