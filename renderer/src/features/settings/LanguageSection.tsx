import { useTranslation } from 'react-i18next';
import type { LanguagePreference } from '../../../../shared/model/preferences.js';
import { resolveLanguage } from '../../i18n/languages.js';
import { useSystemLocales } from '../../i18n/useSystemLocales.js';
import { usePreferences } from './PreferencesProvider.js';
import './ThemeSection.css';

const LANGUAGE_CHOICES: readonly LanguagePreference[] = ['system', 'en', 'zh-CN'];

/** The UI language: English, 简体中文, or the OS/browser locale's; it applies at once. */
export function LanguageSection() {
  const { t } = useTranslation('settings');
  const { preferences, setPreference } = usePreferences();
  const systemLanguage = resolveLanguage('system', useSystemLocales());
  return (
    <fieldset className="theme-section">
      <legend className="caps-title">{t('language.legend')}</legend>
      <div className="theme-choices" role="radiogroup">
        {LANGUAGE_CHOICES.map((value) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name="settings-language"
              value={value}
              data-testid={`settings-language-${value}`}
              checked={preferences.language === value}
              onChange={() => setPreference('language', value)}
            />
            {value === 'system'
              ? t('language.system', { language: t(`language.${systemLanguage}`) })
              : t(`language.${value}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
