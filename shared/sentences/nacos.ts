import type { SentenceTable } from './sentence-table.js';

/**
 * What the Nacos backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesNacos:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const NACOS_SENTENCES = {} as const satisfies SentenceTable;
