import { describe, expect, it } from 'vitest';
import { colourDistance, composite, contrastRatio } from './color-math.js';
import { MONACO_THEMES } from '../../../renderer/src/monaco/monaco-themes.js';
import { readPalettes, THEME_NAMES, type Palette } from './theme-css.js';

/** WCAG AA for text (1.4.3) and for graphics that carry meaning, such as icons and frames (1.4.11). */
const TEXT = 4.5;
const GRAPHIC = 3;

/**
 * Every text (or meaningful graphic) colour the stylesheets put on a background, with the surfaces it
 * appears on. A translucent background is composited over the surface named after the `@`.
 */
const PAIRS: readonly { fg: string; on: readonly string[]; min: number; what: string }[] = [
  {
    fg: 'text',
    on: ['bg', 'panel', 'panel-2', 'panel-3', 'select', 'editor-bg'],
    min: TEXT,
    what: 'body text',
  },
  {
    fg: 'muted',
    on: ['bg', 'panel', 'panel-2', 'panel-3'],
    min: TEXT,
    what: 'secondary text, hints, titles',
  },
  { fg: 'accent-text', on: ['bg', 'panel', 'panel-2'], min: TEXT, what: 'links' },
  { fg: 'danger-text', on: ['bg', 'panel', 'panel-2', 'danger-soft'], min: TEXT, what: 'errors' },
  { fg: 'ok', on: ['panel', 'panel-2'], min: TEXT, what: 'outcome "ok" text' },
  { fg: 'warn', on: ['panel', 'panel-2'], min: TEXT, what: 'warnings, unsaved mark' },
  { fg: 'ok-text', on: ['ok-bg', 'panel', 'panel-2'], min: TEXT, what: 'ok badges, created events' },
  { fg: 'warn-text', on: ['warn-bg', 'panel', 'panel-2'], min: TEXT, what: 'warning notices and badges' },
  {
    fg: 'info-text',
    on: ['info-bg', 'panel', 'panel-2', 'accent-weak@panel'],
    min: TEXT,
    what: 'info notices, chips',
  },
  { fg: 'purple-text', on: ['purple-bg'], min: TEXT, what: 'ephemeral flag' },
  { fg: 'purple-fg', on: ['panel', 'panel-2'], min: TEXT, what: 'children events, watch source' },
  { fg: 'neutral-text', on: ['neutral-bg'], min: TEXT, what: 'maintenance badge' },
  { fg: 'mark-text', on: ['mark-bg'], min: TEXT, what: 'search match' },
  { fg: 'insecure-text', on: ['insecure-bg'], min: TEXT, what: 'insecure badge' },
  { fg: 'code-text', on: ['code-bg'], min: TEXT, what: 'check output' },
  { fg: 'diff-added', on: ['panel', 'panel-2', 'select'], min: TEXT, what: 'compare status' },
  { fg: 'diff-removed', on: ['panel', 'panel-2', 'select'], min: TEXT, what: 'compare status' },
  { fg: 'diff-changed', on: ['panel', 'panel-2', 'select'], min: TEXT, what: 'compare status' },
  { fg: 'on-primary', on: ['primary-bg', 'primary-hover'], min: TEXT, what: 'primary buttons' },
  { fg: 'on-danger', on: ['danger-bg', 'danger-hover'], min: TEXT, what: 'danger buttons' },
  { fg: 'on-env-dev', on: ['env-dev'], min: TEXT, what: 'dev label (11px bold: small text)' },
  { fg: 'on-env-test', on: ['env-test'], min: TEXT, what: 'test label' },
  { fg: 'on-env-staging', on: ['env-staging'], min: TEXT, what: 'staging label' },
  { fg: 'on-env-prod', on: ['env-prod'], min: TEXT, what: 'prod label' },
  { fg: 'env-prod-text', on: ['panel', 'panel-2'], min: TEXT, what: 'prod warnings in dialogs' },
  {
    fg: 'text',
    on: ['header-prod-tint', 'header-prod-end', 'header-staging-tint'],
    min: TEXT,
    what: 'header on prod/staging',
  },
  {
    fg: 'muted',
    on: ['header-prod-tint', 'header-prod-end', 'header-staging-tint'],
    min: TEXT,
    what: 'header sub line',
  },
  { fg: 'faint', on: ['bg', 'panel', 'panel-2'], min: GRAPHIC, what: 'icons, separators, idle dots' },
  { fg: 'folder', on: ['panel', 'select'], min: GRAPHIC, what: 'folder icon' },
  { fg: 'accent', on: ['bg', 'panel', 'panel-2'], min: GRAPHIC, what: 'focus rings, selection bars' },
  { fg: 'danger', on: ['panel', 'panel-2'], min: GRAPHIC, what: 'error borders, bad dot' },
  ...(['dev', 'test', 'staging', 'prod'] as const).map((env) => ({
    fg: `env-${env}`,
    on: ['bg', 'panel'],
    min: GRAPHIC,
    what: `${env} frame against the window`,
  })),
];

function colour(palette: Palette, name: string): string {
  const value = palette.get(name);
  if (!value) throw new Error(`--${name} is not defined`);
  return value;
}

function surface(palette: Palette, spec: string): string {
  const [name, under] = spec.split('@') as [string, string | undefined];
  const value = colour(palette, name);
  if (!under) return value;
  const { r, g, b } = composite(value, colour(palette, under));
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/**
 * The colours the prod frame must not be confused with: the other environments, the accent and the
 * danger/status colours (a red error border is not a prod frame), and the window's own chrome.
 */
const PROD_RIVALS = [
  'env-dev',
  'env-test',
  'env-staging',
  'accent',
  'danger',
  'danger-bg',
  'ok',
  'warn',
  'border',
  'panel-3',
];

/**
 * ΔE00 ≥ 15: about 2.3 is a just-noticeable difference and ≥ 10 reads as "another colour" at a glance; 15
 * leaves room for a poor display. Two reds of one hue sit near 7 (today's danger against today's prod).
 */
const PROD_MIN_DISTANCE = 15;

describe.each(THEME_NAMES)('the %s theme', (theme) => {
  const palette = readPalettes()[theme];

  for (const pair of PAIRS) {
    for (const on of pair.on) {
      it(`--${pair.fg} on --${on} (${pair.what}) reaches ${pair.min}:1`, () => {
        const ratio = contrastRatio(
          composite(surface(palette, on), '#000000'),
          composite(colour(palette, pair.fg), surface(palette, on)),
        );
        expect(
          ratio,
          `--${pair.fg} ${colour(palette, pair.fg)} on ${surface(palette, on)}`,
        ).toBeGreaterThanOrEqual(pair.min);
      });
    }
  }

  it.each(PROD_RIVALS)(`the prod frame is at least ΔE00 ${PROD_MIN_DISTANCE} from --%s`, (rival) => {
    const distance = colourDistance(colour(palette, 'env-prod'), colour(palette, rival));
    expect(distance, `--env-prod against --${rival}`).toBeGreaterThanOrEqual(PROD_MIN_DISTANCE);
  });

  it('keeps the four environments apart from each other', () => {
    const envs = ['env-dev', 'env-test', 'env-staging', 'env-prod'];
    for (const a of envs) {
      for (const b of envs) {
        if (a < b)
          expect(colourDistance(colour(palette, a), colour(palette, b)), `${a}/${b}`).toBeGreaterThanOrEqual(
            PROD_MIN_DISTANCE,
          );
      }
    }
  });
});

describe('the light editor’s token colours on a changed character of a diff', () => {
  const { rules, colors } = MONACO_THEMES.light;
  const hex = ({ r, g, b }: { r: number; g: number; b: number }) =>
    `#${[r, g, b].map((n) => Math.round(n).toString(16).padStart(2, '0')).join('')}`;
  // The character tint over the changed line's tint over the editor: the darkest place a token is drawn on.
  const changed = (side: 'inserted' | 'removed') =>
    hex(
      composite(
        colors[`diffEditor.${side}TextBackground`]!,
        hex(composite(colors[`diffEditor.${side}LineBackground`]!, colors['editor.background']!)),
      ),
    );

  it.each(rules.map((rule) => [rule.token, rule.foreground] as const))(
    '%s (#%s) reaches 4.5:1 on an inserted and on a removed character',
    (token, foreground) => {
      for (const side of ['inserted', 'removed'] as const) {
        const on = changed(side);
        const ratio = contrastRatio(composite(on, '#000000'), composite(`#${foreground}`, on));
        expect(ratio, `${token} on ${side} ${on}`).toBeGreaterThanOrEqual(TEXT);
      }
    },
  );
});
