import type { SentenceTable } from './sentence-table.js';

/**
 * What the ZooKeeper backend says about its servers, watchers and owners (diagnostic notes, reasons,
 * disagreements, feature details), in English. The UI writes `sentencesZookeeper:<key>` instead;
 * test/unit/i18n/core-sentences.test.ts keeps the English catalogue equal to this table.
 */
export const ZOOKEEPER_SENTENCES = {
  wordRefusedFix:
    '{{address}} refuses the four-letter word {{word}}: it is not in 4lw.commands.whitelist. Add this line to its zoo.cfg and restart it.',
  wordRefused: '{{address}} refuses {{word}} (not in 4lw.commands.whitelist)',
  wordConnectionRefused: 'nothing listens on {{address}} (connection refused)',
  wordHostUnknown: 'the host of {{address}} is not known',
} as const satisfies SentenceTable;
