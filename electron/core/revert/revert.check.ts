import type { AuditEntry } from '../../../shared/model/audit.js';
import type { RevertItem } from '../../../shared/model/audit.js';
import type { NodeValue } from '../../../shared/model/node.js';
import { auditBytes, sameAsAudited } from '../history/audit-value.js';

/** What a revert of one entry writes, once checked against the node now. */
export interface RevertStep {
  item: RevertItem;
  /** The token read with the node now (the CAS of the revert write), null for a re-create. */
  token: string | null;
  /** The value written back (a set, a re-create), null for a delete. */
  value: Buffer | null;
}

const NODE_WRITES = new Set(['set', 'create', 'delete']);

/** Why an entry cannot be reverted at all, in one sentence, or null when it can. */
export function unrevertableReason(entry: AuditEntry): string | null {
  const seq = entry.seq;
  if (entry.operation === 'acl')
    return `Entry ${seq} records an ACL change; set the ACL it replaced back instead (its before).`;
  if (!NODE_WRITES.has(entry.operation))
    return `Entry ${seq} records a whole ${entry.operation}, not a node write; revert its writes instead.`;
  if (entry.outcome !== 'ok') return `Entry ${seq} wrote nothing (its outcome was ${entry.outcome}).`;
  if (entry.operation === 'delete') {
    const deleted = Number(entry.details?.['deleted'] ?? 1);
    if (entry.details?.['recursive'] === true && deleted > 1)
      return `Entry ${seq} deleted ${deleted} nodes recursively; the log keeps the value of the node itself only, so they cannot be re-created.`;
  }
  if (entry.operation === 'create')
    return entry.after === null ? `Entry ${seq} does not record the value it created.` : null;
  if (entry.before === null) return `Entry ${seq} does not record the value ${entry.path} held before.`;
  if (auditBytes(entry.before) === null)
    return `The audit log kept only a digest of the value before entry ${seq} (${entry.before.size} bytes), so it cannot be written back.`;
  if (entry.operation === 'set' && entry.after === null)
    return `Entry ${seq} does not record the value it wrote, so a change since cannot be told.`;
  return null;
}

const ACTIONS = { set: 'set', create: 'delete', delete: 'create' } as const;

/**
 * Checks an entry against its node now (`now` null when the node does not exist): ready when the node is
 * still as the entry left it (the value written, compared as bytes or by digest; absent after a delete),
 * else moved, with the token read for the revert's CAS.
 */
export function revertStep(entry: AuditEntry, now: NodeValue | null): RevertStep {
  const action = ACTIONS[entry.operation as keyof typeof ACTIONS] ?? null;
  const base = { seq: entry.seq, connectionName: entry.connection.name, path: entry.path, action };
  const refused = unrevertableReason(entry);
  if (refused !== null)
    return { item: { ...base, state: 'unrevertable', reason: refused }, token: null, value: null };
  const moved = (reason: string): RevertStep => ({
    item: { ...base, state: 'moved', reason },
    token: null,
    value: null,
  });
  if (entry.operation === 'delete') {
    if (now !== null) return moved(`${entry.path} exists again since entry ${entry.seq} deleted it.`);
    return { item: { ...base, state: 'ready', reason: null }, token: null, value: auditBytes(entry.before) };
  }
  if (now === null) return moved(`${entry.path} was deleted since entry ${entry.seq}.`);
  if (!sameAsAudited(Buffer.from(now.valueBase64, 'base64'), entry.after!))
    return moved(
      `${entry.path} changed since entry ${entry.seq}: its value is no longer the one written then.`,
    );
  const value = entry.operation === 'set' ? auditBytes(entry.before) : null;
  return { item: { ...base, state: 'ready', reason: null }, token: now.token, value };
}
