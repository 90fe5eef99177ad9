import { describe, expect, it } from 'vitest';
import { bundledCatalogue, type CatalogueTree } from '../../../renderer/src/i18n/catalogue.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

/** Every leaf of a namespace as `a.b.c` → text. */
function leaves(tree: CatalogueTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

/** English plural forms a language without them (zh-CN) writes once, as `_other`. */
const PLURAL_ONLY_IN_ENGLISH = /_one$/;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const catalogue = bundledCatalogue();

describe('the catalogue', () => {
  it('has the same namespaces in both languages', () => {
    expect(Object.keys(catalogue['zh-CN']).sort()).toEqual(Object.keys(catalogue.en).sort());
    expect(Object.keys(catalogue.en)).toContain('common');
  });

  for (const namespace of Object.keys(catalogue.en)) {
    it(`${namespace}: every key in both languages, non-empty, with the same placeholders`, () => {
      const en = leaves(catalogue.en[namespace]!);
      const zh = leaves(catalogue['zh-CN'][namespace] ?? {});
      const expected = [...en.keys()].filter((key) => !PLURAL_ONLY_IN_ENGLISH.test(key));
      expect([...zh.keys()].sort()).toEqual(expected.sort());
      for (const [key, text] of en) {
        if (PLURAL_ONLY_IN_ENGLISH.test(key)) {
          // The singular has the plural's placeholders (or, like "1 match", fewer: never others).
          const other = en.get(key.replace(PLURAL_ONLY_IN_ENGLISH, '_other'));
          expect(other, `${namespace}:${key} has its _other`).toBeDefined();
          continue;
        }
        expect(text.trim(), `${namespace}:${key} (en)`).not.toBe('');
        expect(zh.get(key)!.trim(), `${namespace}:${key} (zh-CN)`).not.toBe('');
        expect(placeholders(zh.get(key)!), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('translates at once in the chosen language and switches without a new instance', async () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('settings:theme.dark')).toBe('深色');
    await i18n.changeLanguage('en');
    expect(i18n.t('settings:theme.dark')).toBe('Dark');
  });
});
