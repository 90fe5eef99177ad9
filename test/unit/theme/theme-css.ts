import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The renderer's sources, from the repository root. */
export const RENDERER_SRC = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src');
export const THEMES_CSS = join(RENDERER_SRC, 'styles', 'themes.css');

export const THEME_NAMES = ['dark', 'light'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** A theme's variables: name without the leading `--`, to its hex value. */
export type Palette = ReadonlyMap<string, string>;

function declarations(block: string): Map<string, string> {
  const palette = new Map<string, string>();
  for (const match of block.matchAll(/--([a-z0-9-]+)\s*:\s*([^;]+);/g)) {
    palette.set(match[1]!, match[2]!.trim());
  }
  return palette;
}

/**
 * The palettes of themes.css, read the way the browser applies them: the block whose selector names
 * `[data-theme='<name>']` is that theme (the dark block is also plain `:root`, the default).
 */
export function readPalettes(css: string = readFileSync(THEMES_CSS, 'utf8')): Record<ThemeName, Palette> {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const result: Partial<Record<ThemeName, Palette>> = {};
  for (const match of withoutComments.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selector = match[1]!;
    for (const name of THEME_NAMES) {
      if (selector.includes(`[data-theme='${name}']`)) result[name] = declarations(match[2]!);
    }
  }
  if (!result.dark || !result.light) throw new Error('themes.css must have a dark and a light block');
  return { dark: result.dark, light: result.light };
}

/** Every file under renderer/src whose name ends with one of `extensions`, as [path from src, text]. */
export function rendererFiles(extensions: readonly string[]): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) {
        files.push([relative(RENDERER_SRC, path), readFileSync(path, 'utf8')]);
      }
    }
  };
  walk(RENDERER_SRC);
  return files;
}
