import type { SentenceTable } from './sentence-table.js';

/**
 * What the audit centre and a node's history say about entries and versions (electron/core/revert/,
 * electron/core/history/, electron/core/audit/), in English. The UI writes `sentencesAudit:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const AUDIT_SENTENCES = {
  // Why an entry cannot be reverted at all (revert.check.ts unrevertableReason, revert.service.ts).
  revertAcl: 'Entry {{seq}} records an ACL change; set the ACL it replaced back instead (its before).',
  revertWholeJob: 'Entry {{seq}} records a whole {{operation}}, not a node write; revert its writes instead.',
  revertWroteNothing: 'Entry {{seq}} wrote nothing (its outcome was {{outcome}}).',
  revertRecursiveDelete:
    'Entry {{seq}} deleted {{deleted}} nodes recursively; the log keeps the value of the node itself only, so they cannot be re-created.',
  revertNoCreatedValue: 'Entry {{seq}} does not record the value it created.',
  revertNoBefore: 'Entry {{seq}} does not record the value {{path}} held before.',
  revertBeforeDigestOnly:
    'The audit log kept only a digest of the value before entry {{seq}} ({{size}} bytes), so it cannot be written back.',
  revertNoWrittenValue: 'Entry {{seq}} does not record the value it wrote, so a change since cannot be told.',
  revertOtherConnection: 'Entry {{seq}} wrote to "{{wroteTo}}", not to "{{connection}}".',
  // Why an entry is not reverted now: its node moved on since (revert.check.ts revertStep, revert.service.ts).
  movedExistsAgain: '{{path}} exists again since entry {{seq}} deleted it.',
  movedDeleted: '{{path}} was deleted since entry {{seq}}.',
  movedChanged: '{{path}} changed since entry {{seq}}: its value is no longer the one written then.',
  // `reason` is the store's refusal (an error's message), shown as it came.
  movedWhileReverting: '{{path}} changed while it was reverted: {{reason}}',
  // A node's versions kept on this machine (history.audit.ts, history.watch.ts, history.merge.ts).
  historyAuditEntry: "This machine's audit entry {{seq}}.",
  historyAuditDeleted: "Deleted (this machine's audit entry {{seq}}).",
  historyAuditDigestOnly:
    'The audit log kept only a digest of this value ({{size}} bytes), so it cannot be restored.',
  historyWatchRecorded: 'Recorded by a Watch tab stream.',
  historyWatchDeleted: 'Deleted (seen by a Watch tab stream).',
  historyWatchDigestOnly:
    'The Watch tab kept only a digest of this value ({{size}} bytes), so it cannot be restored.',
  historyWatchSawToo: '{{note}} A Watch tab stream saw it too.',
  historyWatchSawTooAlone: 'A Watch tab stream saw it too.',
  // What a list of versions kept on this machine is made of (history.service.ts).
  historyNoServerHistory:
    "{{kind}} keeps no history of values: these are this machine's audit entries for the node and what the Watch tab recorded.",
  // The very sentence etcd's history says (sentencesEtcd:historyNewestOnly), written alike in Chinese.
  historyNewestOnly: 'Only the newest {{limit}} versions are listed.',
  // Where a verify found the hash chain broken (audit.verify.ts, audit.entry.ts parseAuditLine).
  verifyEmptyLine: 'empty line',
  verifyNotJson: 'not valid JSON',
  verifyNotObject: 'not a JSON object',
  // `problem` is the schema's own message.
  verifyNotEntry: 'not an audit entry ({{field}}: {{problem}})',
  verifyNotEntryInvalid: 'not an audit entry (invalid)',
  verifyIncompleteLine: 'incomplete last line (a write in progress or torn by a crash)',
  verifyHashMismatch: 'hash mismatch: the entry was modified after it was written',
  verifyEntryMissing:
    'seq {{seq}} where {{expected}} was expected: entry {{missing}} is missing or out of order',
  verifyEntriesMissing:
    'seq {{seq}} where {{expected}} was expected: entries {{first}}..{{last}} are missing or out of order',
  verifyReordered: 'seq {{seq}} where {{expected}} was expected: entries are reordered or duplicated',
  verifyPrevHashMismatch: 'prevHash does not match the previous entry: an entry was replaced or removed',
  // The first entry of a log file, when files before it are gone: the reason, then which are missing.
  verifyFileMissing: '{{reason}} (log file {{file}} is missing)',
  verifyFilesMissing: '{{reason}} (log files {{first}}..{{last}} are missing)',
} as const satisfies SentenceTable;
