import type { SentenceTable } from './sentence-table.js';

/**
 * What a search says about itself (electron/core/search/search.notes.ts, the stores' name searches), in
 * English. The UI writes `sentencesSearch:<key>` instead; test/unit/i18n/core-sentences.test.ts keeps the
 * English catalogue equal to this table.
 */
export const SEARCH_SENTENCES = {
  // How the source is read (search.notes.ts scanNote).
  snapshotScan: 'Snapshot file: searched in memory after reading the file.',
  etcdBulk: 'etcd: scanned by prefix pages of {{page}} keys, all at the revision of the first page.',
  etcdWalk: 'etcd: walked level by level, values read one by one.',
  consulBulk:
    'Consul: the key names listed under the prefix in one read, values read in transactions of {{ops}} keys, {{page}} keys a page.',
  consulWalk: 'Consul: walked level by level, values read one by one.',
  zookeeperBulk:
    'ZooKeeper: walked with pipelined getData and getChildren, up to {{window}} requests in flight, {{page}} nodes a batch.',
  zookeeperWalk: 'ZooKeeper: walked level by level, values read with a bounded window.',
  nacosBulk: "Nacos: each namespace's configs read from its listing pages, which carry the content.",
  nacosWalk: 'Nacos: namespaces and groups listed, each config read on its own.',
  otherWalk: '{{kind}}: walked node by node.',
  // How a path is searched by the server itself (nacos.session.ts).
  nacosNameSearchWildcards:
    "Nacos: path searched with the server's config search (search=blur on dataId and group, *text*), without listing every config.",
  nacosNameSearchSubstring:
    "Nacos: path searched with the server's config search (search=blur on dataId and group, the text as a substring), without listing every config.",
  // What the search left out or stopped at.
  binarySkipped: {
    one: '{{count}} binary value (not UTF-8 text) was left out of the value search.',
    other: '{{count}} binary values (not UTF-8 text) were left out of the value search.',
  },
  truncated: 'The search stopped at {{limit}} matches; narrow the patterns or the path to see the rest.',
} as const satisfies SentenceTable;
