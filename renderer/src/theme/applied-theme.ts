import type { ThemePreference } from '../../../shared/model/preferences.js';

/** The theme actually painted: `system` resolved against the OS setting. */
export type AppliedTheme = 'light' | 'dark';

/** The media query that tells the OS asks for light; anything else (dark, no preference) paints dark. */
export const SYSTEM_LIGHT_QUERY = '(prefers-color-scheme: light)';

/** The attribute on <html> that the stylesheets (themes.css) and Monaco read. */
export const THEME_ATTRIBUTE = 'data-theme';

/** `system` follows the OS; dark is today's look, so it is also what an OS without a preference gets. */
export function resolveTheme(preference: ThemePreference, systemPrefersLight: boolean): AppliedTheme {
  if (preference === 'system') return systemPrefersLight ? 'light' : 'dark';
  return preference;
}

/** Paints `theme`: the palettes in themes.css switch on the attribute (color-scheme comes with them). */
export function applyTheme(root: HTMLElement, theme: AppliedTheme): void {
  if (root.getAttribute(THEME_ATTRIBUTE) !== theme) root.setAttribute(THEME_ATTRIBUTE, theme);
}

/** The theme painted now (what the boot script or ThemeController last set). */
export function paintedTheme(root: HTMLElement = document.documentElement): AppliedTheme {
  return root.getAttribute(THEME_ATTRIBUTE) === 'light' ? 'light' : 'dark';
}
