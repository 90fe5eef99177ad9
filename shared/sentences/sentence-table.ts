import { fillPlaceholders, type PlaceholderValues } from '../labels/placeholders.js';

/**
 * A sentence the core writes, in English, with `{{name}}` placeholders; a counted one has its English
 * plural forms (`{{count}}` chooses between them, as i18next's plurals do in the catalogue).
 */
export type SentenceTemplate = string | { readonly one: string; readonly other: string };

/** One area's sentences (ZooKeeper's diagnostics, Consul's…), each under a stable key. */
export type SentenceTable = Readonly<Record<string, SentenceTemplate>>;

type FormsOf<T extends SentenceTemplate> = T extends string
  ? T
  : T extends { one: infer O; other: infer X }
    ? O | X
    : never;
type ParamsOf<T extends SentenceTemplate> = (T extends string ? object : { count: number }) &
  PlaceholderValues<FormsOf<T> & string>;

/**
 * The English sentence `key` of `table` with its placeholders filled: what the CLI and the logs print and
 * what the UI shows for a sentence it has no text for. The UI reads the key and the values back from it
 * (renderer/src/i18n/core-sentences.ts) to write the catalogue's text instead, so a sentence is built here
 * only, never by hand.
 */
export function say<T extends SentenceTable, K extends keyof T & string>(
  table: T,
  key: K,
  ...[params]: keyof ParamsOf<T[K]> extends never ? [] : [ParamsOf<T[K]>]
): string {
  const template = table[key]!;
  const values: Record<string, string | number> = params ?? {};
  const form =
    typeof template === 'string' ? template : values['count'] === 1 ? template.one : template.other;
  // A count is written with its thousands grouped (`1,204 watches`); the UI reads it back as a number.
  const count = values['count'];
  return fillPlaceholders(
    form,
    typeof count === 'number' ? { ...values, count: count.toLocaleString('en-US') } : values,
  );
}

/**
 * A reason (`nothing listens on …`) as a sentence of its own (`Nothing listens on ….`): capital first, a
 * full stop at the end. The UI undoes this to read the reason back (renderer/src/i18n/core-sentences.ts).
 */
export function asSentence(reason: string): string {
  const trimmed = reason.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
