import type { LanguagePreference } from '../../../shared/model/preferences.js';

/** The languages the UI is translated into; `en` is also the fallback for a missing key. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * The language a preference means here: `system` takes the first OS/browser locale we have a catalogue
 * for (any Chinese written in simplified script, or plain `zh`, reads as zh-CN; Traditional locales fall
 * back to English rather than show a script the reader did not ask for).
 */
export function resolveLanguage(preference: LanguagePreference, systemLocales: readonly string[]): Language {
  if (preference !== 'system') return preference;
  for (const locale of systemLocales) {
    const match = languageOfLocale(locale);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}

function languageOfLocale(locale: string): Language | null {
  const tag = locale.toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  return null;
}

/** The BCP 47 locale used to format numbers, sizes and times for a UI language. */
// i18n-exempt: BCP 47 tags, not words.
export function formattingLocale(language: Language): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}
