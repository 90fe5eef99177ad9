import type { AuditEntry } from '../../../shared/model/audit.js';
import type { RevertItem } from '../../../shared/model/audit.js';
import type { NodeValue } from '../../../shared/model/node.js';
import { auditBytes, sameAsAudited } from '../history/audit-value.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

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
  if (entry.operation === 'acl') return say(AUDIT_SENTENCES, 'revertAcl', { seq });
  if (!NODE_WRITES.has(entry.operation))
    return say(AUDIT_SENTENCES, 'revertWholeJob', { seq, operation: entry.operation });
  if (entry.outcome !== 'ok')
    return say(AUDIT_SENTENCES, 'revertWroteNothing', { seq, outcome: entry.outcome });
  if (entry.operation === 'delete') {
    const deleted = Number(entry.details?.['deleted'] ?? 1);
    if (entry.details?.['recursive'] === true && deleted > 1)
      return say(AUDIT_SENTENCES, 'revertRecursiveDelete', { seq, deleted });
  }
  if (entry.operation === 'create')
    return entry.after === null ? say(AUDIT_SENTENCES, 'revertNoCreatedValue', { seq }) : null;
  if (entry.before === null) return say(AUDIT_SENTENCES, 'revertNoBefore', { seq, path: entry.path });
  if (auditBytes(entry.before) === null)
    return say(AUDIT_SENTENCES, 'revertBeforeDigestOnly', { seq, size: entry.before.size });
  if (entry.operation === 'set' && entry.after === null)
    return say(AUDIT_SENTENCES, 'revertNoWrittenValue', { seq });
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
    if (now !== null)
      return moved(say(AUDIT_SENTENCES, 'movedExistsAgain', { path: entry.path, seq: entry.seq }));
    return { item: { ...base, state: 'ready', reason: null }, token: null, value: auditBytes(entry.before) };
  }
  if (now === null) return moved(say(AUDIT_SENTENCES, 'movedDeleted', { path: entry.path, seq: entry.seq }));
  if (!sameAsAudited(Buffer.from(now.valueBase64, 'base64'), entry.after!))
    return moved(say(AUDIT_SENTENCES, 'movedChanged', { path: entry.path, seq: entry.seq }));
  const value = entry.operation === 'set' ? auditBytes(entry.before) : null;
  return { item: { ...base, state: 'ready', reason: null }, token: now.token, value };
}
