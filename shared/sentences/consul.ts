import type { SentenceTable } from './sentence-table.js';

/**
 * What the Consul backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesConsul:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const CONSUL_SENTENCES = {
  // Diagnostics: the members, sessions and blocking-queries tables.
  membersUnreadable: 'The LAN members could not be read: {{reason}}',
  sessionsUnlisted: 'The sessions could not be listed: {{reason}}',
  sessionsFiltered:
    'The ACL token may not see every session; sessions of nodes it may not read are left out.',
  lockedKeysUnreadable: 'The locked keys could not be read: {{reason}}',
  lockScanTooLarge:
    'The KV holds {{keyCount}} keys, more than the {{scanned}} read to find locks; the tree and "who owns" show the lock of each key.',
  blockingGaugeMeaning:
    'Consul sets this gauge when a blocking query starts on a server; it is the count at that moment.',
  metricsDenied: "The ACL token may not read the agent's metrics; a policy with this rule allows it.",
  blockingGaugeMissing:
    'The agent reported no consul.rpc.queries_blocking gauge in its last 10-second interval: Consul sets it on servers when a blocking query starts, so this agent is a client or none started lately. With Prometheus output on, the last value is kept.',
  metricsUnreadable: 'The agent metrics could not be read: {{reason}}',

  // Servers: member errors, disagreements and the raft notes.
  memberFailed: 'Gossip marks {{member}} failed: the cluster cannot reach its agent.',
  memberLeft: '{{member}} left the cluster.',
  memberLeaving: '{{member}} is leaving the cluster.',
  memberStatusNone: '{{member}} is none.',
  memberStatusNumber: '{{member}} is status {{status}}.',
  raftPeerNotAlive: 'Raft peer {{peer}} is not an alive LAN member: raft still counts it for the quorum.',
  agentDown: 'The Consul agent of this connection does not answer, so its cluster cannot be listed.',
  noRaftLeader: 'The cluster has no raft leader right now.',
  leaderUnreadable: 'The leader could not be read: {{reason}}',
  raftConfigurationDenied:
    'The ACL token may not read the raft configuration, so voters are not shown; a policy with this rule allows it.',
  raftConfigurationUnreadable: 'The raft configuration could not be read: {{reason}}',

  // Who owns a key: the session holding its lock.
  sessionUnreadable: 'The ACL token may not read this session, so its name, node and checks are not shown.',
  rootNotLockable: 'The root of Consul KV is not a key, so no session can lock it.',
  folderNotLockable: '{{path}} is a folder without a key of its own, so no session can lock it.',
  keyNotLocked: 'No session holds the lock on key {{key}} ({{history}}).',
  neverLocked: 'it was never locked',
  lockedBefore: { one: 'it was locked {{count}} time before', other: 'it was locked {{count}} times before' },
  lockOfGoneSession: 'Session {{session}} holds the lock but no longer exists; Consul releases it shortly.',
  sessionNodeNotInCatalog:
    'The node {{node}} of the session is not in the catalog (or the token may not read it), so its address is not shown.',

  // Event streams: how a stream watches (consul.stream.ts).
  streamMethodPrefix: 'blocking queries on the prefix',
  streamMethodKey: 'blocking queries on the key',
  // Event streams: the stream's note and the details of its connection events.
  streamAnswers:
    'Consul answers with the state after each wait, not with each write: changes to one key closer together than one round trip show as one event, and a delete carries the index of the answer that saw it.',
  streamAnswersHidden:
    'Consul answers with the state after each wait, not with each write: changes to one key closer together than one round trip show as one event, and a delete carries the index of the answer that saw it. The ACL token of this connection hides some keys here: their changes do not show.',
  streamReconnected:
    'The Consul agent answered again after {{seconds}} s; the keys were read again and compared with the state before the loss, so changes made in the gap follow as events (several changes to one key as one).',
  streamDisconnected: 'Lost the Consul agent: {{reason}}',
  streamIndexWentBack:
    "Consul's index went back from {{from}} to {{to}} (tombstones of deleted keys were reaped, or the agent restarted or its data was restored): the keys were read again and compared.",
  // ACL principals: the report's notes, where each grant comes from, and the rules it cannot read.
  aclDisabled: 'ACLs are not enabled on this Consul agent: every client may read and write everything.',
  aclNotReadable:
    'This token may not read ACLs (acl:read is needed): only its own token is shown, with the names of its policies and roles but not their rules. A policy with `acl = "read"` allows the full list.',
  policyProblem: 'Policy {{policy}}: {{problem}}',
  grantEveryPermission: 'every permission',
  grantEveryPermissionVia: 'every permission; {{via}}',
  grantViaPolicy: 'policy {{policy}}',
  grantViaRole: 'role {{role}}',
  grantViaRolePolicy: '{{via}} › policy {{policy}}',
  grantServiceIdentity: 'service identity {{service}}',
  grantServiceIdentityVia: 'service identity {{service}}; {{via}}',
  grantNodeIdentity: 'node identity {{node}}',
  grantNodeIdentityVia: 'node identity {{node}}; {{via}}',
  ruleUndefinedPolicy: 'The rule {{scope}} has the policy {{policy}}, which Consul does not define.',
  rulesNotBlock: 'The rules are not a block of rules.',
  rulesWithinNotBlock: 'The rules {{within}} › are not a block of rules.',
  ruleUnknown: 'The rule "{{rule}}" is not one ConfigDeck knows; see the rules text.',
  ruleWithoutPolicy: 'The rule {{scope}} has no policy.',
  rulesUnreadable: 'The rules could not be read ({{reason}}); see the rules text.',
  rulesStringNotClosed: 'a string opened at character {{at}} is not closed',
  rulesCommentNotClosed: 'a comment opened at character {{at}} is not closed',
  rulesUnexpected: 'unexpected "{{text}}"',
  rulesUnexpectedAt: 'unexpected "{{text}}" at character {{at}}',
  rulesBlockNotClosed: 'a block is not closed with "{{close}}"',
  rulesListNotClosed: 'a list is not closed with "]"',
  rulesExpectedNameAt: 'expected a name, found "{{text}}" at character {{at}}',
  rulesNeedsValue: '"{{name}}" needs "=" or a block',
  rulesNeedsValueAt: '"{{name}}" needs "=" or a block at character {{at}}',
  rulesEndEarly: 'the rules end too early',
} as const satisfies SentenceTable;
