/// <reference types="vite/client" />
import { LANGUAGES, type Language } from './languages.js';

/** One namespace's texts: keys to strings (nested groups allowed). */
export interface CatalogueTree {
  [key: string]: string | CatalogueTree;
}
export type Catalogue = Record<Language, Record<string, CatalogueTree>>;

/**
 * Every namespace file under locales/<language>/<namespace>.json, bundled (no fetch at start, so the first
 * paint is already in the right language). A feature adds its texts by adding the two files.
 */
const FILES = import.meta.glob<CatalogueTree>('./locales/*/*.json', { eager: true, import: 'default' });

/** The bundled catalogue, keyed by language then namespace. */
export function bundledCatalogue(files: Record<string, CatalogueTree> = FILES): Catalogue {
  const catalogue = Object.fromEntries(LANGUAGES.map((language) => [language, {}])) as Catalogue;
  for (const [file, tree] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, Language, string];
    if (!(LANGUAGES as readonly string[]).includes(language)) continue;
    catalogue[language][namespace] = tree;
  }
  return catalogue;
}
