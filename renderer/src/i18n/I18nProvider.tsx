import { useLayoutEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { usePreferences } from '../features/settings/PreferencesProvider.js';
import { createI18n } from './create-i18n.js';
import { resolveLanguage } from './languages.js';
import { useSystemLocales } from './useSystemLocales.js';

/**
 * The window's translations: the language preference (or, for `system`, the OS/browser locale, followed
 * live) picks the catalogue; a change re-renders the UI in place, without a restart. <html lang> follows,
 * so screen readers and fonts (CJK glyphs) pick the right language.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { preferences } = usePreferences();
  const systemLocales = useSystemLocales();
  const language = resolveLanguage(preferences.language, systemLocales);
  const [i18n] = useState(() => createI18n(language));
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
