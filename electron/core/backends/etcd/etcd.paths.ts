import { AppError } from '../../../../shared/errors.js';

/**
 * How etcd keys map onto the tree (paths split on '/'):
 *
 * - A key that starts with '/' is the node at the same path: key `/a/b` is path `/a/b`. The root `/`
 *   is the key `/` itself (usually absent) and its children are the first levels of all keys that
 *   start with '/'.
 * - Keys that do NOT start with '/' (`foo/bar`, `config`) cannot sit at their own path, so they appear
 *   under one synthetic top-level folder, NO_SLASH_FOLDER, shown only when such keys exist: key
 *   `foo/bar` is path `/(no leading slash)/foo/bar`. Real keys under `/(no leading slash)/` are shadowed
 *   by that folder (not listed); such keys are not expected in practice.
 * - A key with an empty level (`/a//b`, or `/a/` with a trailing slash) has no valid path and is not listed.
 * - Names are the UTF-8 decoding of the key bytes; all comparisons and continuations use raw bytes.
 */
export const NO_SLASH_FOLDER = '(no leading slash)';
const NO_SLASH_PATH = `/${NO_SLASH_FOLDER}`;

/** etcd's "to the end of the keyspace" range end. */
export const END_OF_KEYSPACE = Buffer.from([0]);
/** The smallest key etcd allows (keys may not be empty). */
const FIRST_KEY = Buffer.from([0]);
const SLASH = Buffer.from('/');
/** '/' + 1: the first key after every `prefix/…` key. */
const AFTER_SLASH = Buffer.from('0');

/** A half-open key range [start, end); end = END_OF_KEYSPACE means "to the end". */
export interface KeyRange {
  start: Buffer;
  end: Buffer;
}

/** The keys of one tree level: children are named by the bytes after `prefix`, up to the next '/'. */
export interface Level {
  prefix: Buffer;
  /** Disjoint, ascending ranges holding every key of the subtree below the node. */
  ranges: KeyRange[];
}

/** A tree path resolved to etcd terms. */
export interface EtcdNode {
  path: string;
  /** The node's own key, or null for the synthetic folder (which never has a value). */
  key: Buffer | null;
  /** The keys of the level below the node, as listed. */
  level: Level;
  /** Every key below the node (the node's own key excluded). */
  below: KeyRange[];
  isRoot: boolean;
  isNoSlashFolder: boolean;
}

/** The key range of every key starting with `prefix`. */
export function prefixRange(prefix: Buffer): KeyRange {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]! += 1;
      return { start: prefix, end: end.subarray(0, i + 1) };
    }
  }
  return { start: prefix, end: END_OF_KEYSPACE };
}

function keyLevel(key: Buffer): Level {
  const prefix = Buffer.concat([key, SLASH]);
  return { prefix, ranges: [{ start: prefix, end: Buffer.concat([key, AFTER_SLASH]) }] };
}

function validatePath(path: string): void {
  const valid = path.startsWith('/') && (path === '/' || !path.endsWith('/')) && !path.includes('//');
  if (!valid || path.includes('\u0000')) {
    throw new AppError(
      'INVALID_INPUT',
      `"${path}" is not a valid path (absolute, no empty names, no trailing /).`,
    );
  }
}

/** Resolves a tree path to its key and the key ranges of its subtree. */
export function resolvePath(path: string): EtcdNode {
  validatePath(path);
  if (path === '/') {
    // The root's subtree is the whole keyspace (keys without a leading '/' sit in the synthetic folder).
    const below = [
      { start: FIRST_KEY, end: SLASH },
      { start: nextKey(SLASH), end: END_OF_KEYSPACE },
    ];
    const level = { prefix: SLASH, ranges: [{ start: SLASH, end: AFTER_SLASH }] };
    return { path, key: SLASH, level, below, isRoot: true, isNoSlashFolder: false };
  }
  if (path === NO_SLASH_PATH) {
    const level: Level = {
      prefix: Buffer.alloc(0),
      ranges: [
        { start: FIRST_KEY, end: SLASH },
        { start: AFTER_SLASH, end: END_OF_KEYSPACE },
      ],
    };
    return { path, key: null, level, below: level.ranges, isRoot: false, isNoSlashFolder: true };
  }
  const key = Buffer.from(
    path.startsWith(`${NO_SLASH_PATH}/`) ? path.slice(NO_SLASH_PATH.length + 1) : path,
    'utf8',
  );
  const level = keyLevel(key);
  return { path, key, level, below: level.ranges, isRoot: false, isNoSlashFolder: false };
}

/** The tree path of an etcd key (see the mapping above). */
export function pathOfKey(key: Buffer): string {
  const text = key.toString('utf8');
  return text.startsWith('/') ? text : `${NO_SLASH_PATH}/${text}`;
}

/** The first key after every key that starts with `prefix + segment + '/'`. */
export function afterFolder(prefix: Buffer, segment: Buffer): Buffer {
  return Buffer.concat([prefix, segment, AFTER_SLASH]);
}

/** The first key strictly after `key`. */
export function nextKey(key: Buffer): Buffer {
  return Buffer.concat([key, FIRST_KEY]);
}

/** The part of `ranges` at or after `from`, starting with the range that holds it; empty when past the end. */
export function rangesFrom(ranges: KeyRange[], from: Buffer): KeyRange[] {
  const rest: KeyRange[] = [];
  for (const range of ranges) {
    const toEnd = range.end.equals(END_OF_KEYSPACE);
    if (!toEnd && Buffer.compare(from, range.end) >= 0) continue;
    rest.push(Buffer.compare(from, range.start) > 0 ? { start: from, end: range.end } : range);
  }
  return rest;
}
