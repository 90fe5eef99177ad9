import type { SentenceTable } from './sentence-table.js';

/**
 * What the Nacos backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesNacos:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const NACOS_SENTENCES = {
  // What the server offers of the troubleshooting endpoints (the connection's info, the unavailable
  // tables): the endpoint is a value, what it cannot tell is part of each sentence.
  endpointAnswered: '{{product}} answers {{endpoint}}.',
  raftMetricsAnswered: '{{product}} answers {{endpoint}} (each member asked itself).',
  missingConfigListeners:
    '{{product}} does not offer {{endpoint}}: it cannot tell which clients listen to a config.',
  missingListenersByIp:
    '{{product}} does not offer {{endpoint}}: it cannot tell which configs a client listens to.',
  missingSubscribers: '{{product}} does not offer {{endpoint}}: it cannot tell who subscribes to a service.',
  missingClusterNodes:
    '{{product}} does not offer {{endpoint}}: it cannot tell its members and their health.',

  // Who is connected (the diagnostic tables).
  noServiceList: '{{product}} offers no service list',
  servicesNotListed: 'The services could not be listed: {{why}}.',
  subscribersOfFirst: 'Subscribers of the first {{asked}} of {{total}} services.',
  subscribersOfAll: 'Subscribers of all {{asked}} services.',
  subscribersOverGrpc:
    'Nacos 2.x clients subscribe over gRPC; 1.x clients that poll over HTTP are listed by Nacos only.',
  noSubscribers: 'No client subscribes to these services now.',
  clientIpsAsked:
    'Asked for the {{asked}} client IPs found among the instances and subscribers; a client that neither registers nor subscribes is not asked about.',
  clientIpsAskedOf:
    'Asked for the {{asked}} client IPs found among the instances and subscribers (of {{total}}); a client that neither registers nor subscribes is not asked about.',
  noListeningClients: 'None of these clients listens to a config now.',

  // The members (r-nacos's raft, Nacos's cluster nodes).
  raftShutDown: '{{member}} reports its raft as shut down.',
  raftLeaderDisagreement: 'The members disagree on the raft leader: {{views}}.',
  memberSeesLeader: '{{member}} sees node {{id}}',
  memberSeesNoLeader: '{{member}} sees none',
  memberSeesLeaderThen: '{{member}} sees node {{id}}, {{more}}',
  memberSeesNoLeaderThen: '{{member}} sees none, {{more}}',
  raftAppliedBehind: '{{member}} has applied {{entries}} raft entries fewer than the furthest member.',
  raftMembershipWider:
    'The raft membership has {{membership}} members and the profile lists {{listed}}: only the members in the profile are checked.',
  memberStateAsSeen: '{{member}} is {{state}} as the cluster sees it.',
  clusterMemberChecks:
    'Member states are those of the Nacos cluster’s own member checks, as the member answering sees them.',

  // Who listens to a config (the watchers).
  historyUnreadable: 'The history of {{path}} could not be read ({{why}}): stale versions show by md5 only.',
  noClientListens:
    'No client listens to {{path}} now (Nacos lists the clients holding a long-poll or gRPC listen on it).',
  configGone: '{{path}} does not exist now: every listener holds an old version.',
  holdsCurrent: '{{client}} holds the current version.',
  holdsNoVersion: '{{client}} listens but holds no version (the config did not exist when it last read it).',
  holdsMd5NoHistory:
    '{{client}} still holds md5 {{md5}}…, not the current version (the server keeps no history to tell who published it).',
  holdsMd5BeyondHistory:
    '{{client}} still holds md5 {{md5}}…, a version older than the history kept for this config.',
  holdsPublished: '{{client}} still holds the version published at {{time}}.',
  holdsPublishedBy: '{{client}} still holds the version published at {{time}} by {{author}}.',
  holdsPublishedUnknown: '{{client}} still holds the version published at an unknown time.',
  holdsPublishedUnknownBy: '{{client}} still holds the version published at an unknown time by {{author}}.',

  // The server's description (nacos.probe.ts): the product, the API used, what else it offers.
  serverDescription: '{{product}} (v1 open API)',
  serverDescriptionNotes: '{{product}} (v1 open API; {{notes}})',
  historyThroughConsole: 'history through its console',
  alsoOffers: 'also offers {{apis}}',
  v3Admin: 'v3 admin',
  // Event streams: what a stream watches, how, and what happened around a lost connection.
  scopeNamespace: 'the namespace {{namespace}}',
  scopeGroup: 'the group {{group}} of {{namespace}}',
  streamMethodConfig: 'Nacos long-poll listener (md5)',
  streamMethodScope: 'Nacos long-poll listener (md5 per config), re-listed every {{seconds}} s',
  streamMerged:
    'Nacos tells only that a config’s md5 moved: changes closer together than one read are merged into one event.',
  streamMergedRelisted:
    'Nacos tells only that a config’s md5 moved: changes closer together than one read are merged into one event. Configs added to {{scope}} are found by listing it again every {{seconds}} s (one call per 500 configs, contents included), so their first event comes up to that late.',
  streamOverflow:
    '{{scope}} has more than {{max}} configs: those beyond are compared by the re-list only, so their events come up to {{seconds}} s late.',
  changedInGap:
    'Changed while the connection was lost (from {{time}}): changes in the gap are merged into one event.',
  connectionLost: 'Lost the connection at {{time}}',
  connectionLostBecause: 'Lost the connection at {{time}}: {{why}}',
  gapComparing:
    'disconnected {{from}} – {{to}}; comparing {{scope}} with its state before the gap (changes in it are merged into one event per config).',
  gapCompared: 'Compared {{scope}} after the gap of {{from}} – {{to}}: {{found}}.',
  gapUnread: 'the configs could not be read again, so changes in the gap show as the listener finds them',
  gapNothingChanged: 'nothing changed in the gap',
  gapCounts: '{{created}} created, {{changed}} changed, {{deleted}} deleted in the gap',
} as const satisfies SentenceTable;
