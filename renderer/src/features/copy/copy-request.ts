import type { TFunction } from 'i18next';
import { childPath, nameOf, parentPath } from '../../../../shared/paths.js';

/**
 * `copy` and `move` are fixed by the menu entry; `choose` (a drop) lets the user pick; `rename` is a move
 * to a sibling name within the same connection.
 */
export type CopyMode = 'copy' | 'move' | 'choose' | 'rename';

/** What opens the copy dialog: the node, where it would go (the user may change it), and how. */
export interface CopyRequest {
  mode: CopyMode;
  source: { connectionId: string; path: string };
  target: { connectionId: string; path: string };
  /** Called with the new path once a move within the source's connection went through (the tree shows it). */
  onMoved?: (path: string) => void;
}

/** The path a node gets when dropped onto another node: a child of it with the same name. */
export function dropTargetPath(sourcePath: string, dropOnPath: string): string {
  return childPath(dropOnPath, nameOf(sourcePath));
}

/** The path of a rename: the same parent, another name. */
export function renamedPath(sourcePath: string, name: string): string {
  return childPath(parentPath(sourcePath) ?? '/', name);
}

/** Why a new name cannot be used, or null (a name, not a path: no slash, not empty, not the same). */
export function renameProblem(sourcePath: string, name: string, t: TFunction<'copy'>): string | null {
  if (name === '') return t('renameProblem.empty');
  if (name.includes('/')) return t('renameProblem.slash');
  if (name === '.' || name === '..') return t('renameProblem.dots');
  if (name === nameOf(sourcePath)) return t('renameProblem.same');
  return null;
}
