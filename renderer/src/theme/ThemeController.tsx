import { useEffect, useLayoutEffect } from 'react';
import { usePreferences } from '../features/settings/PreferencesProvider.js';
import { applyTheme, resolveTheme } from './applied-theme.js';
import { useSystemPrefersLight } from './useSystemPrefersLight.js';

/**
 * Keeps <html data-theme> in step with the theme preference and, for `system`, with the OS setting.
 * The first paint is already right (public/theme-boot.js); this applies later changes at once. In the
 * desktop app it also tells the window (native theme, background), which browser mode has no need of.
 */
export function ThemeController() {
  const { preferences } = usePreferences();
  const systemPrefersLight = useSystemPrefersLight();
  const theme = resolveTheme(preferences.theme, systemPrefersLight);
  useLayoutEffect(() => applyTheme(document.documentElement, theme), [theme]);
  useEffect(() => window.configdeck?.setTheme(preferences.theme), [preferences.theme]);
  return null;
}
