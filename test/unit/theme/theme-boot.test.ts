import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { themePreferenceSchema, type ThemePreference } from '../../../shared/model/preferences.js';
import { writePreferences } from '../../../renderer/src/features/settings/preferences-store.js';
import {
  resolveTheme,
  SYSTEM_LIGHT_QUERY,
  THEME_ATTRIBUTE,
} from '../../../renderer/src/theme/applied-theme.js';

const BOOT_SCRIPT = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'renderer', 'public', 'theme-boot.js'),
  'utf8',
);

/** A localStorage stand-in: the real preferences store writes into it, the boot script reads it. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Runs the boot script as the page does, and returns what it set on <html>. */
function boot(storage: Storage, systemLight: boolean | null): string | undefined {
  const attributes = new Map<string, string>();
  const queries: string[] = [];
  runInNewContext(BOOT_SCRIPT, {
    localStorage: storage,
    matchMedia:
      systemLight === null
        ? undefined
        : (query: string) => {
            queries.push(query);
            return { matches: query === SYSTEM_LIGHT_QUERY && systemLight };
          },
    document: {
      documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
    },
  });
  if (queries.length) expect(queries).toEqual([SYSTEM_LIGHT_QUERY]);
  return attributes.get(THEME_ATTRIBUTE);
}

describe('the boot script paints the stored theme before React runs', () => {
  const preferences = themePreferenceSchema.options;

  it.each(preferences.flatMap((theme) => [true, false].map((light) => [theme, light] as const)))(
    'preference %s with the OS light=%s paints what ThemeController will',
    (theme: ThemePreference, systemLight: boolean) => {
      const storage = memoryStorage();
      writePreferences({ language: 'system', theme }, storage);
      expect(boot(storage, systemLight)).toBe(resolveTheme(theme, systemLight));
    },
  );

  it('follows the OS when nothing is stored, and paints dark where the OS has no say', () => {
    expect(boot(memoryStorage(), true)).toBe('light');
    expect(boot(memoryStorage(), false)).toBe('dark');
    expect(boot(memoryStorage(), null)).toBe('dark');
  });

  it('treats a damaged or unknown entry as "system", like the preferences store', () => {
    expect(boot(memoryStorage({ 'configdeck.preferences': '{not json' }), true)).toBe('light');
    expect(boot(memoryStorage({ 'configdeck.preferences': '{"theme":"sepia"}' }), false)).toBe('dark');
  });
});

describe('resolveTheme', () => {
  it('lets an explicit choice win over the OS', () => {
    expect(resolveTheme('light', false)).toBe('light');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('light');
  });
});
