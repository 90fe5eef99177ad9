import type palette from '../../i18n/locales/en/palette.json';
import type { Shortcut } from './shortcut.js';

/** A key the views handle themselves (the editor, the tree, the lists), listed in the shortcuts sheet. */
export interface ViewShortcut {
  id: string;
  titleKey: `fixed.${keyof typeof palette.fixed}`;
  /** Alternatives, each shown as its own combination. */
  keys: readonly Shortcut[];
}

/**
 * The keys handled where they apply rather than by the window's key handler: Monaco's save (Ctrl+S) and
 * Tab mode (Ctrl+M), the connection tabs' Ctrl+Tab and Ctrl+1…9 (features/tabs/useTabShortcuts.ts), the
 * tree's and the lists' arrows, Enter in the path bar and the search results, Escape in dialogs, menus and
 * the child filter. Kept beside the commands so the sheet lists every shortcut the app has.
 */
export const VIEW_SHORTCUTS: readonly ViewShortcut[] = [
  { id: 'save', titleKey: 'fixed.save', keys: [{ key: 's', mod: true }] },
  { id: 'editorTab', titleKey: 'fixed.editorTab', keys: [{ key: 'm', ctrl: true }] },
  {
    id: 'tabCycle',
    titleKey: 'fixed.tabCycle',
    keys: [
      { key: 'Tab', ctrl: true },
      { key: 'Tab', ctrl: true, shift: true },
    ],
  },
  { id: 'tabDigit', titleKey: 'fixed.tabDigit', keys: [{ key: '1…9', ctrl: true }] },
  { id: 'move', titleKey: 'fixed.treeMove', keys: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }] },
  { id: 'expand', titleKey: 'fixed.treeExpand', keys: [{ key: 'ArrowRight' }, { key: 'ArrowLeft' }] },
  { id: 'ends', titleKey: 'fixed.listEnds', keys: [{ key: 'Home' }, { key: 'End' }] },
  { id: 'page', titleKey: 'fixed.listPage', keys: [{ key: 'PageUp' }, { key: 'PageDown' }] },
  { id: 'enter', titleKey: 'fixed.enter', keys: [{ key: 'Enter' }] },
  { id: 'escape', titleKey: 'fixed.escape', keys: [{ key: 'Escape' }] },
];
