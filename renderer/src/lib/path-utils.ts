import type { TFunction } from 'i18next';
import { childPath } from '../../../shared/paths.js';

/* The UI's own path helpers; the path algebra itself is shared with the core (shared/paths.ts). */

/** One step of a breadcrumb trail: the name shown and the absolute path it leads to. */
export interface Crumb {
  name: string;
  path: string;
}

/** The breadcrumb trail from the root to `path`, root first. */
export function breadcrumbs(path: string): Crumb[] {
  const crumbs: Crumb[] = [{ name: '/', path: '/' }];
  if (path === '/') return crumbs;
  let current = '';
  for (const name of path.slice(1).split('/')) {
    current = `${current}/${name}`;
    crumbs.push({ name, path: current });
  }
  return crumbs;
}

/** The catalogue key (common namespace) of why a path would be refused, or null when it is valid. */
export type PathProblemKey =
  'pathProblem.empty' | 'pathProblem.start' | 'pathProblem.end' | 'pathProblem.emptyName' | 'pathProblem.nul';

/**
 * Why a path would be refused by the core (same rules as NodePathSchema), as a catalogue key, or null when
 * it is valid. Kept in the UI so the go-to and create boxes can say so before any call.
 */
export function pathProblemKey(path: string): PathProblemKey | null {
  if (path.length === 0) return 'pathProblem.empty';
  if (!path.startsWith('/')) return 'pathProblem.start';
  if (path !== '/' && path.endsWith('/')) return 'pathProblem.end';
  if (path.includes('//')) return 'pathProblem.emptyName';
  if (path.includes('\u0000')) return 'pathProblem.nul';
  return null;
}

/** Why a path would be refused by the core, in the UI's language, or null when it is valid. */
export function pathProblem(path: string, t: TFunction<'common'>): string | null {
  const key = pathProblemKey(path);
  return key === null ? null : t(key);
}

/** Resolves what the user typed in a create box: absolute as is, otherwise relative to `parent`. */
export function resolveUnder(parent: string, typed: string): string {
  return typed.startsWith('/') ? typed : childPath(parent, typed);
}
