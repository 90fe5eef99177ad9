import type { AuditEntry } from '../../../shared/model/audit.js';
import type { HistoryEntry, HistoryVersion } from '../../../shared/model/history.js';
import { auditBytes, md5 } from './audit-value.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

const OPERATIONS = { create: 'create', set: 'update', delete: 'delete' } as const;

/** The entries of a node's audit log that changed it: ok writes of one node (a set, a create, a delete). */
export function changedTheNode(entry: AuditEntry): boolean {
  return entry.outcome === 'ok' && entry.operation in OPERATIONS;
}

/** An audit entry as a version of its node: the value after the write (a delete: a deletion). */
export function auditVersion(entry: AuditEntry): HistoryVersion {
  const operation = OPERATIONS[entry.operation as keyof typeof OPERATIONS] ?? 'unknown';
  const after = operation === 'delete' ? null : entry.after;
  const bytes = auditBytes(after);
  const own = say(AUDIT_SENTENCES, 'historyAuditEntry', { seq: entry.seq });
  const note =
    operation === 'delete'
      ? say(AUDIT_SENTENCES, 'historyAuditDeleted', { seq: entry.seq })
      : after !== null && bytes === null
        ? say(AUDIT_SENTENCES, 'historyAuditDigestOnly', { size: after.size })
        : own;
  return {
    id: `audit:${entry.seq}`,
    source: 'audit',
    time: entry.time,
    operation,
    md5: bytes === null ? null : md5(bytes),
    author: `${entry.user}@${entry.host}`,
    revision: null,
    version: null,
    size: after?.size ?? null,
    restorable: bytes !== null,
    note,
    valueBase64: bytes === null ? null : bytes.toString('base64'),
  };
}

/** A version without its value (what a list carries). */
export function withoutValue(version: HistoryVersion): HistoryEntry {
  const { valueBase64: _value, ...entry } = version;
  return entry;
}
