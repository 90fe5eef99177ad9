import type { SentenceTable } from './sentence-table.js';

/**
 * What a copy or a move says about itself (electron/core/copy/: the plan's notes, the report's method, what
 * a move leaves in the source; a sync's failed write;
 * a snapshot file's description), in English. The UI writes `sentencesCopy:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const COPY_SENTENCES = {
  // What is carried beside values (copy.carry.ts carryOf); `kind` is a store's name (ZooKeeper, etcd…).
  aclsKept: "Each node's ACL is kept (where this session may set it).",
  aclsNotCarried: 'ZooKeeper ACLs are not carried: {{kind}} has none.',
  aclsNotCarriedSnapshot: 'ZooKeeper ACLs are not carried: a snapshot has none.',
  flagsKept: "Each key's flags are kept.",
  flagsNotCarried: 'Consul flags are not carried: {{kind}} has none.',
  flagsNotCarriedSnapshot: 'Consul flags are not carried: a snapshot has none.',
  // A node whose carry failed (copy.carry.ts carryEach): the store's own sentence follows.
  aclNotKept: 'ACL not kept: {{message}}',
  flagsNotKept: 'Flags not kept: {{message}}',
  // The plan's notes (copy.view.ts).
  ephemeralNotCopied: {
    one: '{{count}} ephemeral node is not copied: they belong to a live ZooKeeper session, which recreates them.',
    other:
      '{{count}} ephemeral nodes are not copied: they belong to a live ZooKeeper session, which recreates them.',
  },
  moveInOneTransaction: 'A move is one transaction of {{operations}} operations.',
  moveCopiesVerifiesDeletes: 'A move copies, verifies, then deletes: {{reason}}',
  // What the report says of the method (copy.transaction.ts, copy.service.ts), after "Moved in one
  // transaction: " or "Copied, verified, then deleted: ".
  oneMulti: 'one ZooKeeper multi of {{operations}} operations.',
  oneMultiAclsKept: 'one ZooKeeper multi of {{operations}} operations, ACLs kept.',
  transactionRefused: 'ZooKeeper refused the one transaction ({{message}})',
  // Why a move leaves a source key in place (copy.move.ts).
  notCopied:
    'The target does not hold the same value as {{path}} (kept there, or not written): the source stays.',
  childrenLeft: '{{below}} stays in the source, so {{path}} above it stays too.',
  // A sync's failed write the store gave no sentence for (compare/job.views.ts).
  writeFailed: 'The write failed.',
  // A snapshot file's description, as a server's (snapshot.session.ts): the file, where and when it was made.
  snapshotServer: 'snapshot {{file}} (from {{source}}, {{exportedAt}})',
} as const satisfies SentenceTable;
