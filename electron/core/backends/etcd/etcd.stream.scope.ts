import { AppError } from '../../../../shared/errors.js';
import { END_OF_KEYSPACE, resolvePath } from './etcd.paths.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

const SLASH = 0x2f;
const AFTER_SLASH = Buffer.from('0');

/**
 * What one event stream watches: one etcd watch (a key, or one covering key range, so that etcd delivers
 * every event in revision order) and which of its keys belong to the stream's node or subtree.
 */
export interface StreamScope {
  /** A single key (`end` null) or the covering range [start, end). */
  start: Buffer;
  end: Buffer | null;
  includes(key: Buffer): boolean;
  /**
   * The keys below the node only, for a user whose roles grant `path/` but not the covering range (which
   * also holds the node's own key and keys beside it); null where there is nothing narrower.
   */
  narrower: StreamScope | null;
  /** What the scope leaves out, in one sentence; null when nothing. */
  note: string | null;
}

function startsWith(key: Buffer, prefix: Buffer): boolean {
  return key.length >= prefix.length && key.subarray(0, prefix.length).equals(prefix);
}

/** The whole keyspace, for the root and the folder of keys without a leading '/'. */
function everything(includes: (key: Buffer) => boolean): StreamScope {
  return { start: Buffer.from([0]), end: END_OF_KEYSPACE, includes, narrower: null, note: null };
}

/**
 * The scope of a stream on `path`: the key alone, or (recursive) the key and every key below it. A subtree
 * is watched as [key, key + '0'), the smallest single range holding `key` and `key/…`; the keys in it that
 * are neither (`/a-b` beside `/a`) are left out here.
 */
export function streamScope(path: string, recursive: boolean): StreamScope {
  const node = resolvePath(path);
  if (!recursive) {
    if (node.key === null) {
      throw new AppError(
        'INVALID_INPUT',
        `${path} groups the keys without a leading slash and is not a key itself; watch its subtree instead.`,
      );
    }
    const key = node.key;
    return { start: key, end: null, includes: (k) => k.equals(key), narrower: null, note: null };
  }
  if (node.isRoot) return everything(() => true);
  if (node.isNoSlashFolder) return everything((k) => k.length > 0 && k[0] !== SLASH);
  const key = node.key!;
  const below = node.level.prefix;
  const end = Buffer.concat([key, AFTER_SLASH]);
  return {
    start: key,
    end,
    includes: (k) => k.equals(key) || startsWith(k, below),
    narrower: {
      start: below,
      end,
      includes: (k) => startsWith(k, below),
      narrower: null,
      note: say(ETCD_SENTENCES, 'streamBelowOnly', { path }),
    },
    note: null,
  };
}
