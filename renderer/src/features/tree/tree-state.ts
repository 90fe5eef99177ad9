import { ancestorsOf } from '../../../../shared/paths.js';

/** View state of the browser tree; server data (and how many pages of a level are loaded) lives in TanStack Query. */
export interface TreeState {
  selected: string | null;
  expanded: ReadonlySet<string>;
  /** The server-side child filter and the node whose children it applies to. */
  filter: { path: string; text: string } | null;
  /** A path to scroll into view once its row exists. */
  scrollTarget: string | null;
  /** The node the user last selected or expanded: a new child filter applies to it. */
  focus: string;
}

export type TreeAction =
  | { type: 'select'; path: string }
  | { type: 'toggle'; path: string }
  | { type: 'expand'; path: string }
  | { type: 'collapse'; path: string }
  | { type: 'reveal'; path: string }
  | { type: 'setFilter'; path: string; text: string }
  | { type: 'scrolled' };

/** The state a freshly opened connection starts with: the root expanded and selected. */
export function initialTreeState(): TreeState {
  return {
    selected: '/',
    expanded: new Set(['/']),
    filter: null,
    scrollTarget: null,
    focus: '/',
  };
}

function withExpanded(state: TreeState, paths: string[], on: boolean): TreeState {
  const expanded = new Set(state.expanded);
  for (const p of paths) {
    if (on) expanded.add(p);
    else expanded.delete(p);
  }
  return { ...state, expanded };
}

/** Pure reducer of tree view actions. */
export function treeReducer(state: TreeState, action: TreeAction): TreeState {
  switch (action.type) {
    case 'select':
      return { ...state, selected: action.path, focus: action.path };
    case 'toggle': {
      const opening = !state.expanded.has(action.path);
      const next = withExpanded(state, [action.path], opening);
      return opening ? { ...next, focus: action.path } : next;
    }
    case 'expand':
      return { ...withExpanded(state, [action.path], true), focus: action.path };
    case 'collapse':
      return withExpanded(state, [action.path], false);
    case 'reveal':
      return {
        ...withExpanded(state, ancestorsOf(action.path), true),
        selected: action.path,
        focus: action.path,
        scrollTarget: action.path,
      };
    case 'setFilter': {
      const filter = action.text === '' ? null : { path: action.path, text: action.text };
      return { ...withExpanded(state, [action.path], true), filter };
    }
    case 'scrolled':
      return { ...state, scrollTarget: null };
  }
}

/** Expanded paths whose every ancestor is expanded too, i.e. the levels actually on screen. */
export function visibleExpanded(expanded: ReadonlySet<string>): string[] {
  return [...expanded].filter((p) => ancestorsOf(p).every((a) => expanded.has(a))).sort();
}

/** The filter text that applies to the children of `path` ('' for none). */
export function filterFor(state: TreeState, path: string): string {
  return state.filter && state.filter.path === path ? state.filter.text : '';
}
