import type { AppliedTheme } from '../theme/applied-theme.js';

/** A Monaco theme as monaco.editor.defineTheme takes it (kept free of Monaco so tests can read it). */
export interface MonacoThemeDefinition {
  name: string;
  base: 'vs' | 'vs-dark';
  /** Token colours over the base theme's (which the theme inherits). */
  rules: { token: string; foreground: string }[];
  colors: Record<string, string>;
}

/**
 * Monaco's light ('vs') token colours that fall below 4.5:1 on a changed character of the diff (its tint
 * over the changed line's), darkened until they reach it, for the languages the editor registers (JSON,
 * YAML, XML, ini, HTML). The others ('vs' string, key and keyword colours) already read on the tints;
 * test/unit/theme/theme-contrast.test.ts checks these.
 */
const LIGHT_DIFF_READABLE_TOKENS = [
  { token: 'invalid', foreground: 'a82828' },
  { token: 'constant', foreground: 'b70000' },
  { token: 'comment', foreground: '006900' },
  { token: 'number', foreground: '076744' },
  { token: 'annotation', foreground: '585858' },
  { token: 'type', foreground: '006464' },
  { token: 'variable.predefined', foreground: '3f5794' },
  { token: 'metatag', foreground: 'b80000' },
  { token: 'metatag.content.html', foreground: 'b80000' },
  { token: 'metatag.html', foreground: '585858' },
  { token: 'metatag.xml', foreground: '585858' },
  { token: 'attribute.name', foreground: 'b80000' },
  { token: 'attribute.value.number', foreground: '076744' },
  { token: 'attribute.value.unit', foreground: '076744' },
];

/**
 * The editor and diff editor themes, one per UI theme. The backgrounds equal `--editor-bg` and the diff
 * tints `--diff-added-bg` / `--diff-removed-bg` of themes.css (a unit test holds them equal). The light
 * theme names its changed-line tints too: Monaco's default ones are strong enough to stack with the
 * character tint into a background no token colour reads on.
 */
export const MONACO_THEMES: Record<AppliedTheme, MonacoThemeDefinition> = {
  dark: {
    name: 'configdeck-dark',
    base: 'vs-dark',
    rules: [],
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
    rules: LIGHT_DIFF_READABLE_TOKENS,
    colors: {
      'editor.background': '#ffffff',
      'editorGutter.background': '#ffffff',
      'diffEditor.insertedTextBackground': '#1a7f3726',
      'diffEditor.removedTextBackground': '#b3124e26',
      'diffEditor.insertedLineBackground': '#1a7f3714',
      'diffEditor.removedLineBackground': '#b3124e14',
    },
  },
};
