import type { SentenceTable } from './sentence-table.js';

/**
 * What the etcd backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesEtcd:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const ETCD_SENTENCES = {} as const satisfies SentenceTable;
