import { CORE_SENTENCE_TABLES, type SentenceNamespace } from '../../../shared/sentences/core-sentences.js';
import type { SentenceTable } from '../../../shared/sentences/sentence-table.js';

/** A sentence of the core read back: which one it is and the values its placeholders had. */
export interface ReadSentence {
  namespace: SentenceNamespace;
  key: string;
  params: Record<string, string>;
  /** Which English plural form it was (a counted sentence), null for a plain one. */
  form: 'one' | 'other' | null;
}

/** One English form of a template as a pattern that reads its placeholders' values back. */
interface SentencePattern {
  namespace: SentenceNamespace;
  key: string;
  names: readonly string[];
  pattern: RegExp;
  form: 'one' | 'other' | null;
  /** The length of its fixed words: where two patterns match, the one that says more is the sentence. */
  fixed: number;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(
  namespace: SentenceNamespace,
  key: string,
  form: string,
  plural: 'one' | 'other' | null,
): SentencePattern {
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
  return { namespace, key, names, pattern: new RegExp(`^${source}$`), fixed, form: plural };
}

/** Every form of every table's sentences as patterns, the most specific first. */
export function sentencePatterns(
  tables: Partial<Readonly<Record<SentenceNamespace, SentenceTable>>> = CORE_SENTENCE_TABLES,
): readonly SentencePattern[] {
  const patterns: SentencePattern[] = [];
  for (const [namespace, table] of Object.entries(tables) as [SentenceNamespace, SentenceTable][]) {
    for (const [key, template] of Object.entries(table)) {
      if (typeof template === 'string') patterns.push(patternOf(namespace, key, template, null));
      else {
        patterns.push(patternOf(namespace, key, template.one, 'one'));
        patterns.push(patternOf(namespace, key, template.other, 'other'));
      }
    }
  }
  return patterns.sort((a, b) => b.fixed - a.fixed);
}

/** Every way `text` reads as one of the core's sentences, with how many fixed characters each explains. */
export function readSentences(
  patterns: readonly SentencePattern[],
  text: string,
): (ReadSentence & { fixed: number })[] {
  const found: (ReadSentence & { fixed: number })[] = [];
  for (const { namespace, key, names, pattern, form, fixed } of patterns) {
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
    if (consistent) found.push({ namespace, key, params, form, fixed });
  }
  return found;
}

/**
 * Which of the core's sentences `text` is, and its values; null for any other text (a server's own words,
 * a sentence of a newer core), which the UI then shows as it came.
 */
export function readSentence(patterns: readonly SentencePattern[], text: string): ReadSentence | null {
  const [first] = readSentences(patterns, text);
  if (first === undefined) return null;
  const { fixed: _fixed, ...read } = first;
  return read;
}

/**
 * The texts `text` may have been before the core made a reason a sentence of its own (asSentence: capital
 * first, a full stop added), the text itself first.
 */
function beforeAsSentence(text: string): readonly string[] {
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  const unstopped = (t: string) => (t.endsWith('.') ? t.slice(0, -1) : t);
  return [...new Set([text, unstopped(text), lower, unstopped(lower)])];
}

/** The catalogue lookup the reader needs: a key (namespace-qualified) and its values, to a text. */
export type SentenceTranslate = (key: string, options: Record<string, unknown>) => string;

/** How the core lists sentences in one value. */
const LIST_SEPARATOR = '; ';

/** How deep sentences nest (a reason inside a note): a bound, so a strange text cannot recurse for long. */
const MAX_DEPTH = 3;

/** A reading of a text: how to write it in the language, and how much of it the core's sentences explain. */
interface Reading {
  write: () => string;
  explained: number;
}

/**
 * The core's sentences in the UI's language: `text` read back to its key and values and written from the
 * catalogue; the values are themselves read as sentences (a reason inside a note, sentences listed with
 * `; `). Where a text reads in several ways (a placeholder's value can hold anything), the reading whose
 * sentences explain most of the text, nested ones included, wins. Text that is none of the core's
 * sentences comes back as it is.
 */
export function coreSentences(
  translate: SentenceTranslate,
  patterns: readonly SentencePattern[] = sentencePatterns(),
): (text: string) => string {
  const read = (text: string, depth: number): Reading => {
    let best: Reading = { write: () => text, explained: 0 };
    if (depth > MAX_DEPTH) return best;
    for (const candidate of beforeAsSentence(text)) {
      for (const found of readSentences(patterns, candidate)) {
        let explained = found.fixed;
        const values: Record<string, () => unknown> = {};
        for (const [name, value] of Object.entries(found.params)) {
          if (name === 'count' && /^[\d,]+$/.test(value)) {
            const n = Number(value.replace(/,/g, ''));
            values[name] = () => n;
          } else {
            const inner = read(value, depth + 1);
            explained += inner.explained;
            values[name] = inner.write;
          }
        }
        if (explained <= best.explained) continue;
        // A reason made a sentence of its own ends as a sentence in the language too.
        const stopped = candidate !== text && text.endsWith('.') && !candidate.endsWith('.');
        best = {
          explained,
          write: () => {
            // A counted sentence that does not show its count still chooses the plural form it was.
            const options: Record<string, unknown> =
              found.form === null ? {} : { count: found.form === 'one' ? 1 : 2 };
            for (const [name, value] of Object.entries(values)) options[name] = value();
            const written = translate(`${found.namespace}:${found.key}`, {
              ...options,
              defaultValue: candidate,
            });
            return stopped ? `${written}${translate('common:sentenceEnd', { defaultValue: '.' })}` : written;
          },
        };
      }
    }
    const parts = text.split(LIST_SEPARATOR);
    if (parts.length > 1) {
      const readings = parts.map((part) => read(part, depth + 1));
      const explained = readings.reduce((sum, r) => sum + r.explained, 0);
      // Sentences that each read as the core's are a list, even where one sentence could swallow the rest
      // in its last value and explain as much.
      const allRead = readings.every((r) => r.explained > 0);
      if (explained > best.explained || (allRead && explained === best.explained)) {
        best = {
          explained,
          write: () =>
            readings
              .map((r) => r.write())
              .join(translate('common:listSeparator', { defaultValue: LIST_SEPARATOR })),
        };
      }
    }
    return best;
  };
  return (text) => read(text, 0).write();
}
