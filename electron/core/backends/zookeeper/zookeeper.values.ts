import { nodeWithValue } from '../node-value.js';
import type { ZkStat as Stat } from './client/index.js';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { AclEntry, NodeValue } from '../../../../shared/model/node.js';
import { statToMeta } from './zookeeper.stat.js';

/**
 * ZooKeeper's default jute.maxbuffer: the server drops the connection on a larger request. The client
 * library refuses values above 1 MiB anyway, so a server configured higher gains at most a few bytes.
 */
const SERVER_MAX_REQUEST_BYTES = 0xfffff;
/** Bytes a create/setData request adds around the value and the path (header, lengths, ACL, flags). */
const REQUEST_OVERHEAD_BYTES = 64;
/** Past this size a dropped connection during a write is taken as a server with a smaller jute.maxbuffer. */
const SERVER_LIMIT_HINT_BYTES = 1_000_000;

function tooLarge(size: number): AppError {
  return new AppError(
    'TOO_LARGE',
    `The value of ${size} bytes is larger than ZooKeeper accepts (jute.maxbuffer: 1 MiB by default, request included).`,
  );
}

/** Throws TOO_LARGE before sending a request a default server would refuse by dropping the connection. */
export function assertValueSize(path: string, value: Buffer): void {
  if (value.length + Buffer.byteLength(path, 'utf8') + REQUEST_OVERHEAD_BYTES > SERVER_MAX_REQUEST_BYTES) {
    throw tooLarge(value.length);
  }
}

/**
 * The same check for a multi (one request holding every write): TOO_LARGE, nothing sent, when the
 * writes together pass the limit. The caller then writes them one by one.
 */
export function assertBatchSize(writes: ReadonlyArray<{ path: string; value: Buffer | null }>): void {
  let request = 0;
  for (const { path, value } of writes) {
    request += (value?.length ?? 0) + Buffer.byteLength(path, 'utf8') + REQUEST_OVERHEAD_BYTES;
  }
  if (request > SERVER_MAX_REQUEST_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `A batch of ${writes.length} writes (${request} bytes) is larger than ZooKeeper accepts in one request.`,
    );
  }
}

/** A connection drop right after sending a value near the limit becomes TOO_LARGE; other errors pass. */
export function explainWriteError(error: unknown, value: Buffer): unknown {
  if (value.length >= SERVER_LIMIT_HINT_BYTES && isAppError(error) && error.code === 'UNREACHABLE') {
    return tooLarge(value.length);
  }
  return error;
}

/** The shared NodeValue of a znode: at most `maxBytes` of the value (0 = all). */
export function toNodeValue(
  path: string,
  data: Buffer,
  stat: Stat,
  acls: AclEntry[] | null,
  maxBytes: number,
): NodeValue {
  const facts = {
    path,
    token: String(stat.version),
    meta: statToMeta(stat),
    acls,
    childCount: stat.numChildren,
  };
  return nodeWithValue(facts, data, maxBytes);
}
