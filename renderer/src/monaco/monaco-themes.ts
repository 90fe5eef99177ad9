import type { AppliedTheme } from '../theme/applied-theme.js';

/** A Monaco theme as monaco.editor.defineTheme takes it (kept free of Monaco so tests can read it). */
export interface MonacoThemeDefinition {
  name: string;
  base: 'vs' | 'vs-dark';
  colors: Record<string, string>;
}

/**
 * The editor and diff editor themes, one per UI theme. The backgrounds equal `--editor-bg` and the diff
 * tints `--diff-added-bg` / `--diff-removed-bg` of themes.css (a unit test holds them equal).
 */
export const MONACO_THEMES: Record<AppliedTheme, MonacoThemeDefinition> = {
  dark: {
    name: 'configdeck-dark',
    base: 'vs-dark',
    colors: {
      'editor.background': '#15191f',
      'editorGutter.background': '#15191f',
      'diffEditor.insertedTextBackground': '#2ea04333',
      'diffEditor.removedTextBackground': '#e5487a33',
    },
  },
  light: {
    name: 'configdeck-light',
    base: 'vs',
    colors: {
      'editor.background': '#ffffff',
      'editorGutter.background': '#ffffff',
      'diffEditor.insertedTextBackground': '#1a7f3726',
      'diffEditor.removedTextBackground': '#b3124e26',
    },
  },
};
