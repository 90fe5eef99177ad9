import { describe, expect, it } from 'vitest';
import { MONACO_THEMES } from '../../../renderer/src/monaco/monaco-themes.js';
import { readPalettes, rendererFiles, THEME_NAMES } from './theme-css.js';

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(/gi;
/** Where colour literals belong: the palettes, and Monaco's copy of them (checked below). */
const PALETTE_FILES = new Set(['styles/themes.css', 'monaco/monaco-themes.ts']);
/** Variables that are not colours and need no per-theme value. */
const THEME_FREE = new Set(['mono', 'sans']);

describe('the themes cover every screen', () => {
  const palettes = readPalettes();

  it('define the same variables, every one a hex colour', () => {
    const dark = [...palettes.dark.keys()].sort();
    expect([...palettes.light.keys()].sort()).toEqual(dark);
    for (const theme of THEME_NAMES) {
      for (const [name, value] of palettes[theme]) {
        expect(value, `--${name} in ${theme}`).toMatch(/^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/);
      }
    }
  });

  it('define every variable a stylesheet or component uses', () => {
    const missing: string[] = [];
    for (const [file, text] of rendererFiles(['.css', '.tsx'])) {
      for (const match of text.matchAll(/var\(--([a-z0-9-]+)/g)) {
        const name = match[1]!;
        if (!THEME_FREE.has(name) && !palettes.dark.has(name)) missing.push(`${file}: --${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave no hard-coded colour outside the palettes', () => {
    const literals: string[] = [];
    for (const [file, text] of rendererFiles(['.css', '.tsx', '.ts'])) {
      if (PALETTE_FILES.has(file.split('\\').join('/'))) continue;
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '');
      for (const match of code.matchAll(COLOUR_LITERAL)) literals.push(`${file}: ${match[0]}`);
    }
    expect(literals).toEqual([]);
  });
});

describe('Monaco follows the palettes', () => {
  const palettes = readPalettes();

  it.each(THEME_NAMES)('the %s editor and diff editor use the %s colours', (theme) => {
    const { colors, base } = MONACO_THEMES[theme];
    const palette = palettes[theme];
    expect(base).toBe(theme === 'dark' ? 'vs-dark' : 'vs');
    expect(colors['editor.background']).toBe(palette.get('editor-bg'));
    expect(colors['editorGutter.background']).toBe(palette.get('editor-bg'));
    expect(colors['diffEditor.insertedTextBackground']).toBe(palette.get('diff-added-bg'));
    expect(colors['diffEditor.removedTextBackground']).toBe(palette.get('diff-removed-bg'));
  });

  it('names the two themes apart', () => {
    expect(MONACO_THEMES.dark.name).not.toBe(MONACO_THEMES.light.name);
  });
});
