import { CORE_SENTENCE_TABLES, type SentenceNamespace } from '../../../shared/sentences/core-sentences.js';
import { templateForms, type SentenceTable } from '../../../shared/sentences/sentence-table.js';

/** A sentence of the core read back: which one it is and the values its placeholders had. */
export interface ReadSentence {
  namespace: SentenceNamespace;
  key: string;
  params: Record<string, string>;
}

/** One English form of a template as a pattern that reads its placeholders' values back. */
interface SentencePattern {
  namespace: SentenceNamespace;
  key: string;
  names: readonly string[];
  pattern: RegExp;
  /** The length of its fixed words: where two patterns match, the one that says more is the sentence. */
  fixed: number;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(namespace: SentenceNamespace, key: string, form: string): SentencePattern {
  const names: string[] = [];
  let source = '';
  let fixed = 0;
  let last = 0;
  for (const match of form.matchAll(PLACEHOLDER)) {
    const literal = form.slice(last, match.index);
    source += escapeRegExp(literal);
    fixed += literal.length;
    names.push(match[1]!);
    source += '([\\s\\S]+?)';
    last = match.index + match[0].length;
  }
  source += escapeRegExp(form.slice(last));
  fixed += form.length - last;
  return { namespace, key, names, pattern: new RegExp(`^${source}$`), fixed };
}

/** Every form of every table's sentences as patterns, the most specific first. */
export function sentencePatterns(
  tables: Partial<Readonly<Record<SentenceNamespace, SentenceTable>>> = CORE_SENTENCE_TABLES,
): readonly SentencePattern[] {
  const patterns: SentencePattern[] = [];
  for (const [namespace, table] of Object.entries(tables) as [SentenceNamespace, SentenceTable][]) {
    for (const [key, template] of Object.entries(table)) {
      for (const form of templateForms(template)) patterns.push(patternOf(namespace, key, form));
    }
  }
  return patterns.sort((a, b) => b.fixed - a.fixed);
}

/**
 * Which of the core's sentences `text` is, and its values; null for any other text (a server's own words,
 * a sentence of a newer core), which the UI then shows as it came.
 */
export function readSentence(patterns: readonly SentencePattern[], text: string): ReadSentence | null {
  for (const { namespace, key, names, pattern } of patterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const params: Record<string, string> = {};
    let consistent = true;
    names.forEach((name, index) => {
      const value = match[index + 1]!;
      // A placeholder named twice must have had one value.
      if (name in params && params[name] !== value) consistent = false;
      params[name] = value;
    });
    if (consistent) return { namespace, key, params };
  }
  return null;
}

/** The catalogue lookup the reader needs: a key (namespace-qualified) and its values, to a text. */
export type SentenceTranslate = (key: string, options: Record<string, unknown>) => string;

/** How deep sentences nest (a reason inside a note): a bound, so a strange text cannot recurse for long. */
const MAX_DEPTH = 3;

/**
 * The core's sentences in the UI's language: `text` read back to its key and values and written from the
 * catalogue; the values are themselves read as sentences (a reason inside a note). Text that is none of
 * the core's sentences comes back as it is.
 */
export function coreSentences(
  translate: SentenceTranslate,
  patterns: readonly SentencePattern[] = sentencePatterns(),
): (text: string) => string {
  const write = (text: string, depth: number): string => {
    if (depth > MAX_DEPTH) return text;
    const read = readSentence(patterns, text);
    if (read === null) return text;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(read.params)) {
      values[name] = name === 'count' && /^\d+$/.test(value) ? Number(value) : write(value, depth + 1);
    }
    return translate(`${read.namespace}:${read.key}`, { ...values, defaultValue: text });
  };
  return (text) => write(text, 0);
}
