import { fillPlaceholders, type PlaceholderValues } from '../labels/placeholders.js';

/**
 * A sentence the core writes, in English, with `{{name}}` placeholders; a counted one has its English
 * plural forms (`{{count}}` chooses between them, as i18next's plurals do in the catalogue).
 */
export type SentenceTemplate = string | { readonly one: string; readonly other: string };

/** One area's sentences (ZooKeeper's diagnostics, Consul's…), each under a stable key. */
export type SentenceTable = Readonly<Record<string, SentenceTemplate>>;

/** Every English form of a template (one for a plain sentence, two for a counted one). */
export function templateForms(template: SentenceTemplate): readonly string[] {
  return typeof template === 'string' ? [template] : [template.one, template.other];
}

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
  return fillPlaceholders(form, values);
}
