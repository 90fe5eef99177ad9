/**
 * The path algebra of the common tree model, one for every store and for the UI: absolute paths, `/` as the
 * root, names between slashes taken exactly as stored (never trimmed or escaped). Validity is checked by
 * NodePathSchema at the contract and by each driver for its own store's rules; these functions only compose.
 */

export const ROOT_PATH = '/';

/** `/a` + `b` → `/a/b`; `/` + `b` → `/b`. `name` may itself be a relative path (`b/c`). */
export function childPath(parent: string, name: string): string {
  return parent === ROOT_PATH ? `/${name}` : `${parent}/${name}`;
}

/** `/a/b` → `/a`; `/a` → `/`; the root has no parent (null). */
export function parentPath(path: string): string | null {
  if (path === ROOT_PATH) return null;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? ROOT_PATH : path.slice(0, cut);
}

/** The last name of a path (`/a/b` → `b`); `/` for the root. */
export function nameOf(path: string): string {
  return path === ROOT_PATH ? ROOT_PATH : path.slice(path.lastIndexOf('/') + 1);
}

/** Number of names in a path (`/` → 0, `/a/b` → 2). */
export function pathDepth(path: string): number {
  if (path === ROOT_PATH) return 0;
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 0x2f) depth += 1;
  return depth;
}

/** Every ancestor of a path, root first, without the path itself (`/a/b/c` → `/`, `/a`, `/a/b`; `/` → none). */
export function ancestorsOf(path: string): string[] {
  if (path === ROOT_PATH) return [];
  const result = [ROOT_PATH];
  for (let i = path.indexOf('/', 1); i !== -1; i = path.indexOf('/', i + 1)) result.push(path.slice(0, i));
  return result;
}

/** True when `ancestor` is `path` itself or one of its ancestors. */
export function isSelfOrAncestor(ancestor: string, path: string): boolean {
  if (ancestor === path || ancestor === ROOT_PATH) return true;
  return path.startsWith(`${ancestor}/`);
}

/** The relative path of an absolute store path under `root` (which it must be below): `/` for the root itself. */
export function relativePath(root: string, absolute: string): string {
  if (root === ROOT_PATH) return absolute;
  return absolute === root ? ROOT_PATH : absolute.slice(root.length);
}
