import type { CoreWord } from '../model/core-word.js';
import { fillPlaceholders, type PlaceholderValues } from './placeholders.js';

/**
 * The words the core writes as values of its labelled fields, in English (what the CLI prints). The UI
 * shows `coreLabels:word.<key>` instead; test/unit/i18n/core-labels.test.ts keeps the two equal in English.
 */
export const CORE_WORDS = {
  none: 'none',
  expired: 'expired',
  yes: 'yes',
  no: 'no',
  unnamed: '(unnamed)',
  emptyPublicNamespace: '(empty: public)',
  seconds: '{{n}} s',
  milliseconds: '{{n}} ms',
  session: 'session {{id}}',
  // Who holds a Consul lock (consul.meta.ts), as far as the token may see the session.
  sessionOnNode: 'session {{id}} on node {{node}}',
  sessionOnNodeNamed: 'session {{id}} on node {{node}} ({{name}})',
  sessionNamed: 'session {{id}} ({{name}})',
  sessionGone: 'session {{id}} (no longer exists)',
  // The other ephemeral nodes of a session (zookeeper.owner.ts): how many, then the first few.
  ephemeralPaths: '{{count}}: {{paths}}',
  ephemeralPathsMore: '{{count}}: {{paths}} and {{more}} more',
  node: 'node {{id}}',
} as const;
export type CoreWordKey = keyof typeof CORE_WORDS;

/** A value written in words: the English text and the word it was written from. */
export interface Worded {
  value: string;
  word: CoreWord;
}

/** The value `key` writes (with its placeholders filled), carrying the word for the UI. */
export function inWords<K extends CoreWordKey>(
  key: K,
  ...[params]: keyof PlaceholderValues<(typeof CORE_WORDS)[K]> extends never
    ? []
    : [PlaceholderValues<(typeof CORE_WORDS)[K]>]
): Worded {
  const values: Record<string, string | number> = params ?? {};
  return { value: fillPlaceholders(CORE_WORDS[key], values), word: { key, params: values } };
}

/** `yes` or `no` in words. */
export function yesNo(flag: boolean): Worded {
  return inWords(flag ? 'yes' : 'no');
}
