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
export function pathProblem(path: string): string | null {
  if (path.length === 0) return 'Enter a path';
  if (!path.startsWith('/')) return 'A path must start with /';
  if (path !== '/' && path.endsWith('/')) return 'A path may not end with /';
  if (path.includes('//')) return 'A path may not contain an empty name (//)';
  if (path.includes('\u0000')) return 'A path may not contain a NUL character';
  return null;
}

/** Resolves what the user typed in a create box: absolute as is, otherwise relative to `parent`. */
export function resolveUnder(parent: string, typed: string): string {
  return typed.startsWith('/') ? typed : childPath(parent, typed);
}
