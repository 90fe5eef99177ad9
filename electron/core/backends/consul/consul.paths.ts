import { AppError } from '../../../../shared/errors.js';

/**
 * How Consul KV keys map onto the tree (keys split on '/'; Consul keys have no leading slash):
 *
 * - Path `/a/b` is key `a/b`. The root `/` is the empty prefix and never holds a value.
 * - A key ending in '/' (`a/`, how the Consul UI makes folders) is the folder node `/a` itself; the
 *   node's children are the keys below `a/`.
 * - Value rule: the node `/a` shows the value of key `a` when it exists, else the value of key `a/`,
 *   else it has none (a pure folder: keys exist below `a/`). Writes go to that same key; a new value
 *   goes to `a`. When both `a` and `a/` exist, the `a/` value stays hidden until `a` is deleted;
 *   deleting the node removes both keys, and subtree counts include both.
 * - Keys with an empty level (`a//b`, a leading `/x`) have no path and are not listed. The names `.`
 *   and `..` cannot travel in an HTTP path (URL normalisation) and are refused as INVALID_INPUT.
 */
export interface ConsulNode {
  path: string;
  /** The plain key (`a/b`); '' for the root. */
  key: string;
  /** The folder key, also the prefix of the children (`a/b/`); '' for the root. */
  folderKey: string;
  isRoot: boolean;
}

/** Resolves a tree path to its Consul keys; INVALID_INPUT for paths that cannot name a key. */
export function resolvePath(path: string): ConsulNode {
  const valid = path.startsWith('/') && (path === '/' || !path.endsWith('/')) && !path.includes('//');
  if (!valid || path.includes('\u0000')) {
    throw new AppError(
      'INVALID_INPUT',
      `"${path}" is not a valid path (absolute, no empty names, no trailing /).`,
    );
  }
  if (path === '/') return { path, key: '', folderKey: '', isRoot: true };
  const key = path.slice(1);
  if (key.split('/').some((name) => name === '.' || name === '..')) {
    throw new AppError(
      'INVALID_INPUT',
      `${path}: names "." and ".." cannot be addressed over Consul's HTTP API.`,
    );
  }
  return { path, key, folderKey: `${key}/`, isRoot: false };
}

/** The HTTP path of a key, each level URL-encoded (`a/ключ` → `/v1/kv/a/%D0%BA...`). */
export function kvPath(key: string): string {
  return `/v1/kv/${key.split('/').map(encodeURIComponent).join('/')}`;
}
