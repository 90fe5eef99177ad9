import { useTranslation } from 'react-i18next';
import type { LanguagePreference } from '../../../../shared/model/preferences.js';
import { resolveLanguage } from '../../i18n/languages.js';
import { useSystemLocales } from '../../i18n/useSystemLocales.js';
import { ChoiceSection } from './ChoiceSection.js';
import { usePreferences } from './PreferencesProvider.js';

const LANGUAGE_CHOICES: readonly LanguagePreference[] = ['system', 'en', 'zh-CN'];

/** The UI language: English, 简体中文, or the OS/browser locale's; it applies at once. */
export function LanguageSection() {
  const { t } = useTranslation('settings');
  const { preferences, setPreference } = usePreferences();
  const systemLanguage = resolveLanguage('system', useSystemLocales());
  return (
    <ChoiceSection
      name="language"
      legend={t('language.legend')}
      choices={LANGUAGE_CHOICES}
      chosen={preferences.language}
      labelOf={(value) =>
        value === 'system'
          ? t('language.system', { language: t(`language.${systemLanguage}`) })
          : t(`language.${value}`)
      }
      onChoose={(value) => setPreference('language', value)}
    />
  );
}
