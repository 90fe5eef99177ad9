import type { SentenceTable } from './sentence-table.js';

/**
 * What the ZooKeeper backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesZookeeper:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const ZOOKEEPER_SENTENCES = {
  // Four-letter words (zookeeper.words.ts).
  wordRefusedFix:
    '{{address}} refuses the four-letter word {{word}}: it is not in 4lw.commands.whitelist. Add this line to its zoo.cfg and restart it.',
  wordRefused: '{{address}} refuses {{word}} (not in 4lw.commands.whitelist)',
  wordConnectionRefused: 'nothing listens on {{address}} (connection refused)',
  wordHostUnknown: 'the host of {{address}} is not known',
  wordFailed: '{{address}} failed: {{error}}',
  wordTimeout: '{{address}} did not answer {{word}} within {{ms}} ms',
  wordAnsweredOtherwise: '{{address}} answered {{word}} with something else',
  // The AdminServer (zookeeper.admin-server.ts, zookeeper.probe.ts).
  adminAuthRefused: 'the AdminServer at {{url}} refuses {{command}} without authentication (HTTP {{status}})',
  adminAuthRefusedNote:
    'The AdminServer refuses {{command}} without authentication; four-letter words or an AdminServer without auth for read commands answer it.',
  adminNotAJsonObject: 'the AdminServer at {{url}} did not answer with a JSON object',
  adminCommandFailed: "the AdminServer's {{command}} failed: {{error}}",
  adminHttpStatus: 'the AdminServer at {{url}} answered HTTP {{status}}',
  adminTimeout: 'the AdminServer at {{url}} did not answer within {{ms}} ms',
  adminNotJson: 'the AdminServer at {{url}} did not answer with JSON',
  adminUnreachable: 'the AdminServer at {{url}} is not reachable ({{cause}})',
  adminFallback:
    'The AdminServer at {{url}} is not reachable, so four-letter words were asked instead: {{reason}}',
  adminUnexpectedShape: "the AdminServer's {{command}} answer has an unexpected shape",
  adminOnePort:
    'The AdminServer URL names one port, and {{hosts}} runs several members: they are asked with four-letter words.',
  // Members (zookeeper.members.ts).
  configWithoutClientPorts:
    "/zookeeper/config names {{configured}} servers but gives no client port for {{missing}} of them: add them to the connection's endpoints to see them here.",
  notTunnelled: {
    one: "{{ids}} is not among the connection's endpoints, so the SSH tunnel does not reach it: add it to the endpoints to see it here.",
    other:
      "{{ids}} are not among the connection's endpoints, so the SSH tunnel does not reach them: add them to the endpoints to see them here.",
  },
  // Member health (zookeeper.servers.ts).
  memberNotServing:
    '{{member}} runs but does not serve requests: it has no quorum, or it is still syncing with the leader.',
  memberRefusesBoth: '{{member}} answers but refuses srvr and mntr, so its role is not known.',
  // Where members disagree (zookeeper.disagreements.ts).
  olderEpoch: '{{member}} is on an older epoch than {{ahead}} (zxid {{zxid}} against {{top}}).',
  transactionsBehind: {
    one: '{{member}} is {{count}} transaction behind {{ahead}} (zxid {{zxid}} against {{top}}).',
    other: '{{member}} is {{count}} transactions behind {{ahead}} (zxid {{zxid}} against {{top}}).',
  },
  znodeCountsDiffer: 'Znode counts differ: {{members}}.',
  ephemeralCountsDiffer: 'Ephemeral node counts differ: {{members}}.',
  countBelow: '{{member}} has {{n}}, {{fewer}} fewer than {{most}} with {{top}}',
  // Connections (zookeeper.diagnostics.ts).
  childWatchesNotListed:
    'The servers list data watches only: child watches (getChildren with a watch, ls -w) are counted in mntr but not listed by wchs, wchp or wchc.',
  noSessionOnMember: 'No client session is connected to {{member}}.',
  // Who watches (zookeeper.watchers.ts).
  noWatchCount: 'No member told its watch count; listing the watches may be costly on the servers.',
  watchCost: {
    one: '{{count}} member holds {{watches}}; listing them is costly on the servers.',
    other: '{{count}} members hold {{watches}}; listing them is costly on the servers.',
  },
  watchCount: { one: '{{count}} watch', other: '{{count}} watches' },
  wchsMissing: '{{member}} did not answer wchs: {{reason}} Its watches are not counted.',
  wchpMissing: '{{member}} did not answer wchp: {{reason}} Its watchers are missing here.',
  consMissing: '{{member}} did not answer cons: {{reason}} The addresses of its clients are missing here.',
  ancestorWatch:
    'Watches {{watched}}, an ancestor: it covers {{path}} when it is a persistent recursive watch (addWatch -m PERSISTENT_RECURSIVE); wchp lists a one-shot data watch on {{watched}} alike.',
  sessionNotConnected: 'The session is not connected to any member that answered cons.',
  thisSession: 'This ConfigDeck session.',
  // A watcher's details one after another: each later one after the ones before it, read back one by one.
  sessionNotConnectedAfter: '{{before}} The session is not connected to any member that answered cons.',
  thisSessionAfter: '{{before}} This ConfigDeck session.',
  noMemberListed: 'No member listed its watches: {{reason}}',
  noMemberKnown: 'no member is known',
  noWatchOn: 'No session holds a data watch on {{path}} or a watch on one of its ancestors.',
  // Who owns (zookeeper.owner.ts).
  persistentNode: '{{path}} is a persistent node: no session owns it.',
  containerNode:
    '{{path}} is a container node: no session owns it; the server removes it once its last child is gone.',
  ttlNode:
    '{{path}} is a TTL node: no session owns it; the server removes it when it has no children and its TTL has passed.',
  ownedByThisSession: 'This ConfigDeck session owns the node.',
  // The cons row of the session ConfigDeck itself holds (zookeeper.diagnostics.ts consTable).
  thisSessionCell: '{{session}} (this ConfigDeck session)',
  ownerNotConnected:
    'Session {{session}} owns {{path}} but is not connected to any member that answered cons: its client may be reconnecting; the node goes when the session expires.',
  otherEphemeralsUnknown: "The session's other ephemeral nodes are not known: {{reason}}",
  // Event streams (zookeeper.stream.ledger.ts).
  streamNodeMissing: '{{path}} does not exist (yet); the stream reports its creation.',
  streamUnreadable: 'The ACL of {{node}} does not let this session read it, so its changes are not reported.',
  streamUnreadableMore: '{{node}} and {{more}} more nodes',
  streamWatchLimit: 'The subtree has more than {{limit}} nodes; only {{limit}} of them are watched.',
  streamValueLimit:
    'The subtree has more than {{limit}} nodes; changes beyond {{limit}} of them come without the value before.',
  // How a stream watches (zookeeper.stream.one-shot.ts, zookeeper.stream.persistent.ts).
  streamMethodOneShotTree: 'one-shot watches re-armed per node',
  streamMethodOneShotNode: 'one-shot watches re-armed on the node',
  streamMethodPersistentTree: 'persistent recursive watch',
  streamMethodPersistentNode: 'persistent watch',
  // Why a subtree cannot be moved in one transaction (zookeeper.rename.ts); the move then goes node by node.
  moveTargetExists: '{{path}} already exists.',
  moveParentMissing: 'The parent {{parent}} of {{path}} does not exist.',
  moveTooManyNodes: 'More than {{max}} nodes: too many for one transaction.',
  moveEphemeral: '{{path}} is ephemeral (it belongs to a live session).',
  moveAclUnreadable: 'The ACL of {{path}} cannot be read by this session.',
  moveTooLarge: 'The subtree is larger than one ZooKeeper request may be.',
  // What a stream could not read, and its lost connections (zookeeper.stream.ts, zookeeper.stream.ledger.ts).
  streamReadFailed: 'Could not read what changed: {{reason}}.',
  deletedBeforeRead: 'The node was deleted before its value could be read.',
  valueUnread: 'Its value could not be read: {{reason}}.',
  changedAgain:
    'Changed again before it could be read: version {{version}}, shown with the change before it.',
  diffSpans:
    'This diff spans {{changes}} changes: the node changed again before it was read (version {{version}}).',
  disconnectedAt: 'disconnected at {{time}}: {{reason}}',
  sessionExpired: 'the session expired',
  connectionLost: 'the connection was lost',
  // Children events and the end of a gap (zookeeper.stream.events.ts, zookeeper.stream.ledger.ts).
  childrenNow: { one: '{{count}} child now', other: '{{count}} children now' },
  childrenChanged: {
    one: '{{changes}} ({{count}} child now)',
    other: '{{changes}} ({{count}} children now)',
  },
  childrenSameNames: { one: '{{count}} child, the same names', other: '{{count}} children, the same names' },
  childrenAdded: 'added {{names}}',
  childrenRemoved: 'removed {{names}}',
  namesAndMore: '{{names}} and {{more}} more',
  gapClosed: {
    one: 'disconnected {{from}} – {{until}}; events in the gap may be missing; comparing after the gap found {{count}} change',
    other:
      'disconnected {{from}} – {{until}}; events in the gap may be missing; comparing after the gap found {{count}} changes',
  },
  gapClosedExpired: {
    one: 'disconnected {{from}} – {{until}} (the session expired; a new one was opened); events in the gap may be missing; comparing after the gap found {{count}} change',
    other:
      'disconnected {{from}} – {{until}} (the session expired; a new one was opened); events in the gap may be missing; comparing after the gap found {{count}} changes',
  },
  foundAfterGap: 'found by comparing after the gap',
  childrenFoundAfterGap: '{{children}}; found by comparing after the gap',
  // The server's description from `srvr` (zookeeper.server-info.ts): its version and its mode.
  serverVersion: 'ZooKeeper {{version}}',
  serverVersionMode: 'ZooKeeper {{version}} ({{mode}})',
  serverStandalone: 'ZooKeeper {{version}} (standalone)',
  serverLeader: 'ZooKeeper {{version}} (leader)',
  serverFollower: 'ZooKeeper {{version}} (follower)',
  serverObserver: 'ZooKeeper {{version}} (observer)',
  // Features (zookeeper.features.ts): their names, details, and the read-only state (zookeeper.connection.ts).
  featureTls: 'TLS',
  featurePersistentWatches: 'Persistent watches',
  featureTtlNodes: 'TTL nodes',
  featureWhoAmI: 'whoAmI',
  featureReadOnly: 'Read-only mode',
  featureSasl: 'SASL / Kerberos',
  plainTcp: 'Plain TCP.',
  tlsVerified: 'Encrypted; the server certificate is verified.',
  tlsInsecure: 'INSECURE: encrypted, but the server certificate is not verified.',
  fromTheAnswers: 'from the server’s answers',
  fromTheVersion: 'ZooKeeper {{version}}',
  persistentWatches: 'addWatch and persistent recursive watches (ZooKeeper 3.6+), {{source}}.',
  ttlDisabled: 'The server runs without zookeeper.extendedTypesEnabled=true.',
  ttlNodes: 'Nodes that expire when unchanged and childless (needs zookeeper.extendedTypesEnabled=true).',
  whoAmI: 'The identities the server holds for this session (ZooKeeper 3.7+), {{source}}.',
  readOnly:
    'read-only: the server lost its quorum and serves reads only; writes are refused until it is back',
  readWrite: 'Connected read-write; a server that loses its quorum is still accepted, read-only.',
  noSasl: 'ConfigDeck does not support SASL or Kerberos logins to ZooKeeper; use digest auth or mTLS.',
  // Watch streams (zookeeper.stream.one-shot.ts): the note shown with every one-shot stream.
  oneShotNote:
    'One-shot watches are re-armed after each event, so changes made between an event and the re-arm can be merged into one event.',
} as const satisfies SentenceTable;
