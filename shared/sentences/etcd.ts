import type { SentenceTable } from './sentence-table.js';

/**
 * What the etcd backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesEtcd:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const ETCD_SENTENCES = {
  // Servers view: a member's line, the report's notes and the disagreements between members.
  memberNotStarted: '{{member}} was added to the cluster but has not started yet (it has no client URL).',
  memberNotStartedUnnamed:
    'The member was added to the cluster but has not started yet (it has no client URL).',
  memberReports: '{{member}} reports: {{errors}}.',
  memberKnowsNoLeader: 'it knows no leader (the cluster may have lost its quorum)',
  memberThroughEndpoint:
    "{{member}} does not answer at the client URL it advertises ({{clientUrl}}); its status was read through the connection's endpoint {{endpoint}}.",
  membersStaleEndpoints: "{{reason}}; shown are the connection's endpoints.",
  membersStaleListedBefore: '{{reason}}; shown are the members listed before.',
  leaderSplit: 'The members disagree on the leader: {{sides}}.',
  leaderSideOne: '{{member}} follows {{leader}}',
  leaderSideMany: '{{members}} and {{last}} follow {{leader}}',
  memberTrails:
    '{{member}} trails {{ahead}} by {{lag}} applied raft entries (applied index {{applied}} against {{aheadApplied}}).',
  memberUnapplied: '{{member}} has {{unapplied}} committed raft entries it has not applied yet.',
  // Diagnostics: the alarms table and the watch gauges from each member's /metrics.
  alarmNoSpace:
    'NOSPACE: the database reached its quota and the cluster refuses writes until space is freed (compact, then defragment every member) and the alarm is disarmed.',
  alarmCorrupt:
    "CORRUPT: a member's data differs from the others'; the cluster refuses writes. Replace the corrupt member from a healthy one's snapshot.",
  alarmsNone: 'No alarm is raised on any member (etcd raises NOSPACE and CORRUPT).',
  watchersUnknown: 'etcd does not tell which clients watch a key.',
  gaugesNotStarted: 'not started (no client URL)',
  gaugesNoneAnswered: "No member's /metrics endpoint answered ({{reasons}}).",
  gaugesNoMember: "No member's /metrics endpoint answered (no member is known).",
  gaugesMemberFailed: '{{member}} /metrics: {{error}}',
  // Why a member's /metrics gave no gauges (etcd.metrics.ts); the OS's own reason stays as it came.
  metricsStatus: 'GET {{url}} answered HTTP {{status}}',
  metricsFailed: 'GET {{url}} failed: {{reason}}',
  metricsTooLarge: 'the answer is larger than {{bytes}} bytes',
  metricsTimeout: 'no answer within {{ms}} ms',
  // Live event streams: how a stream watches, what it leaves out, and its connection events.
  streamMethodKey: 'etcd watch of the key with previous values',
  streamMethodPrefix: 'etcd watch of the prefix with previous values',
  streamMethodReplayed: '{{method}}, replayed from revision {{revision}}',
  streamBelowOnly:
    'The user of this connection may read only the keys below {{path}}, so changes to {{path}} itself are not in this stream.',
  streamReconnected:
    'Watching again from revision {{revision}}: the changes made meanwhile are replayed first.',
  streamDisconnected: '{{reason}}; it resumes from revision {{revision}} when etcd answers again.',
  // A key's history.
  historyDeleted: 'The key was deleted at revision {{revision}}.',
  historyCompactedBase: 'The version the key held when etcd compacted at revision {{revision}}.',
  historyOlderCompacted: 'Older versions were compacted at revision {{revision}}.',
  historyNewestOnly: 'Only the newest {{limit}} versions are listed.',
  historyCurrent: 'The current version.',
  // Users, roles and their grants.
  authDisabled:
    'Authentication is not enabled on this etcd: every client may read and write every key, whatever the users and roles below say (they take effect once authentication is enabled).',
  principalsNotListedOwnOnly:
    'The etcd user "{{user}}" may not list users and roles: etcd allows that to the root role only. Only its own user and roles are shown.',
  principalsNotListedNone:
    'The user of this connection may not list users and roles: etcd allows that to the root role only. Nothing can be shown.',
  grantOfRole: 'role {{role}}',
  rootRoleGrant: 'the root role: every key, and the user, role and cluster APIs',
} as const satisfies SentenceTable;
