import { z } from 'zod';

/** The UI languages; `system` follows the OS/browser locale. */
export const languagePreferenceSchema = z.enum(['system', 'en', 'zh-CN']);
export type LanguagePreference = z.infer<typeof languagePreferenceSchema>;

/** The colour themes; `system` follows the OS (prefers-color-scheme). */
export const themePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreferenceSchema>;

/**
 * What this window remembers of the operator's choices (kept by the renderer, per machine). Every field has
 * a default, so a missing or older stored value reads as the defaults rather than failing.
 */
export const preferencesSchema = z.object({
  language: languagePreferenceSchema.catch('system').default('system'),
  theme: themePreferenceSchema.catch('system').default('system'),
});
export type Preferences = z.infer<typeof preferencesSchema>;
