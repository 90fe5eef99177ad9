/** One step of a breadcrumb trail: the name shown and the absolute path it leads to. */
export interface Crumb {
  name: string;
  path: string;
}

/** The parent of an absolute path; null for the root. */
export function parentPath(path: string): string | null {
  if (path === '/') return null;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The last name of a path, exactly as stored (never trimmed or escaped); '/' for the root. */
export function nameOf(path: string): string {
  if (path === '/') return '/';
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Appends one child name (or a relative path) to a parent path. */
export function joinPath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`;
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

/** Every ancestor of `path`, root first, without the path itself. */
export function ancestorsOf(path: string): string[] {
  return breadcrumbs(path)
    .slice(0, -1)
    .map((c) => c.path);
}

/** True when `ancestor` is `path` itself or one of its ancestors. */
export function isSelfOrAncestor(ancestor: string, path: string): boolean {
  if (ancestor === path || ancestor === '/') return true;
  return path.startsWith(`${ancestor}/`);
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
  return typed.startsWith('/') ? typed : joinPath(parent, typed);
}
