import type palette from '../../i18n/locales/en/palette.json';
import type { Shortcut } from './shortcut.js';

/** A key the views handle themselves (the editor, the tree, the lists), listed in the shortcuts sheet. */
export interface ViewShortcut {
  id: string;
  title: `fixed.${keyof typeof palette.fixed}`;
  /** Alternatives, each shown as its own combination. */
  keys: readonly Shortcut[];
}

/**
 * The keys handled where they apply rather than by the window's key handler: Monaco's save (Ctrl+S), the
 * tree's and the lists' arrows, Enter in the path bar and the search results, Escape in dialogs, menus and
 * the child filter. Kept beside the commands so the sheet lists every shortcut the app has.
 */
export const VIEW_SHORTCUTS: readonly ViewShortcut[] = [
  { id: 'save', title: 'fixed.save', keys: [{ key: 's', mod: true }] },
  { id: 'move', title: 'fixed.treeMove', keys: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }] },
  { id: 'expand', title: 'fixed.treeExpand', keys: [{ key: 'ArrowRight' }, { key: 'ArrowLeft' }] },
  { id: 'ends', title: 'fixed.listEnds', keys: [{ key: 'Home' }, { key: 'End' }] },
  { id: 'page', title: 'fixed.listPage', keys: [{ key: 'PageUp' }, { key: 'PageDown' }] },
  { id: 'enter', title: 'fixed.enter', keys: [{ key: 'Enter' }] },
  { id: 'escape', title: 'fixed.escape', keys: [{ key: 'Escape' }] },
];
