import { ACL_SENTENCES } from './acl.js';
import { AUDIT_SENTENCES } from './audit.js';
import { CONSUL_SENTENCES } from './consul.js';
import { COPY_SENTENCES } from './copy.js';
import { ETCD_SENTENCES } from './etcd.js';
import { NACOS_SENTENCES } from './nacos.js';
import { SEARCH_SENTENCES } from './search.js';
import { ZOOKEEPER_SENTENCES } from './zookeeper.js';

/** Every table of the core's sentences under the catalogue namespace that writes it in the UI's language. */
export const CORE_SENTENCE_TABLES = {
  sentencesZookeeper: ZOOKEEPER_SENTENCES,
  sentencesEtcd: ETCD_SENTENCES,
  sentencesConsul: CONSUL_SENTENCES,
  sentencesNacos: NACOS_SENTENCES,
  sentencesAcl: ACL_SENTENCES,
  sentencesSearch: SEARCH_SENTENCES,
  sentencesAudit: AUDIT_SENTENCES,
  sentencesCopy: COPY_SENTENCES,
} as const;
export type SentenceNamespace = keyof typeof CORE_SENTENCE_TABLES;
