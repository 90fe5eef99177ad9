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

/**
 * Why a path would be refused by the core (same rules as NodePathSchema), or null when it is valid.
 * Kept in the UI so the go-to and create boxes can say so before any call.
 */
export function pathProblem(path: string, t: TFunction<'common'>): string | null {
  if (path.length === 0) return t('pathProblem.empty');
  if (!path.startsWith('/')) return t('pathProblem.start');
  if (path !== '/' && path.endsWith('/')) return t('pathProblem.end');
  if (path.includes('//')) return t('pathProblem.emptyName');
  if (path.includes('\u0000')) return t('pathProblem.nul');
  return null;
}

/** Resolves what the user typed in a create box: absolute as is, otherwise relative to `parent`. */
export function resolveUnder(parent: string, typed: string): string {
  return typed.startsWith('/') ? typed : childPath(parent, typed);
}
