import { useTranslation } from 'react-i18next';
import type { ThemePreference } from '../../../../shared/model/preferences.js';
import { usePreferences } from './PreferencesProvider.js';
import './ThemeSection.css';

const THEME_CHOICES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The colour theme: light, dark, or the OS's setting (followed live); it applies at once. */
export function ThemeSection() {
  const { t } = useTranslation('settings');
  const { preferences, setPreference } = usePreferences();
  return (
    <fieldset className="theme-section">
      <legend className="caps-title">{t('theme.legend')}</legend>
      <div className="theme-choices" role="radiogroup">
        {THEME_CHOICES.map((value) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name="settings-theme"
              value={value}
              data-testid={`settings-theme-${value}`}
              checked={preferences.theme === value}
              onChange={() => setPreference('theme', value)}
            />
            {t(`theme.${value}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
