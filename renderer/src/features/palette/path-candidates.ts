import { parentPath } from '../../../../shared/paths.js';
import { pathProblemKey } from '../../lib/path-utils.js';

/** The level whose loaded children complete what was typed, when it is a path (starts with `/`); else null. */
export function completionParent(typed: string): string | null {
  if (!typed.startsWith('/')) return null;
  if (typed.endsWith('/')) return typed.replace(/\/+$/, '') || '/';
  return parentPath(typed) ?? '/';
}

/** The node typed (a trailing slash dropped), or null when it is not a path the core would accept. */
export function typedTarget(typed: string): string | null {
  if (!typed.startsWith('/')) return null;
  const path = typed.length > 1 ? typed.replace(/\/+$/, '') || '/' : typed;
  return pathProblemKey(path) === null ? path : null;
}
