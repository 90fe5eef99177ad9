import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale, LANGUAGES, type Language } from './languages.js';
import { localeFormats, type LocaleFormats } from './locale-formats.js';

/** Numbers, sizes and times formatted for the UI language (en-US or zh-CN conventions). */
export function useFormat(): LocaleFormats {
  const { i18n } = useTranslation();
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'en';
  return useMemo(() => localeFormats(formattingLocale(language)), [language]);
}
