import { useTranslation } from 'react-i18next';
import type { ThemePreference } from '../../../../shared/model/preferences.js';
import { ChoiceSection } from './ChoiceSection.js';
import { usePreferences } from './PreferencesProvider.js';

const THEME_CHOICES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The colour theme: light, dark, or the OS's setting (followed live); it applies at once. */
export function ThemeSection() {
  const { t } = useTranslation('settings');
  const { preferences, setPreference } = usePreferences();
  return (
    <ChoiceSection
      name="theme"
      legend={t('theme.legend')}
      choices={THEME_CHOICES}
      chosen={preferences.theme}
      labelOf={(value) => t(`theme.${value}`)}
      onChoose={(value) => setPreference('theme', value)}
    />
  );
}
