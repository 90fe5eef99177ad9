import type { ComponentType } from 'react';
import { LanguageSection } from './LanguageSection.js';
import { ThemeSection } from './ThemeSection.js';

/**
 * The sections of the settings dialog, in order: each is its own component (it reads and sets its
 * preferences through usePreferences), listed here with one line each.
 */
export const SETTINGS_SECTIONS: readonly { id: string; Section: ComponentType }[] = [
  { id: 'language', Section: LanguageSection },
  { id: 'theme', Section: ThemeSection },
];
