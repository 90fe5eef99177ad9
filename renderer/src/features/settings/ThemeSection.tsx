import type { ThemePreference } from '../../../../shared/model/preferences.js';
import { usePreferences } from './PreferencesProvider.js';
import './ThemeSection.css';

const THEME_CHOICES: readonly { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The colour theme: light, dark, or the OS's setting (followed live); it applies at once. */
export function ThemeSection() {
  const { preferences, setPreference } = usePreferences();
  return (
    <fieldset className="theme-section">
      <legend className="caps-title">Theme</legend>
      <div className="theme-choices" role="radiogroup">
        {THEME_CHOICES.map(({ value, label }) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name="settings-theme"
              value={value}
              data-testid={`settings-theme-${value}`}
              checked={preferences.theme === value}
              onChange={() => setPreference('theme', value)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
