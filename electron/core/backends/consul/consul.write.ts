import { AppError } from '../../../../shared/errors.js';
import { entryBytes, readKey, readKeys, valueEntry, type KvContext } from './consul.kv.js';
import { kvPath, resolvePath, type ConsulNode } from './consul.paths.js';
import { getNode } from './consul.read.js';
import type { KvEntry } from './consul.schemas.js';
import type { SessionOperation } from '../kit/session.operation.js';
import { MOVED, writeGuardedByRead, type Moved } from '../kit/guarded-by-read.js';

/** Checks a token: a ModifyIndex as a decimal string ('0' means "must not exist"). */
export function parseToken(token: string): string {
  if (!/^\d{1,20}$/.test(token))
    throw new AppError('INVALID_INPUT', `"${token}" is not a Consul ModifyIndex token.`);
  return token.replace(/^0+(?=\d)/, '');
}

/** The prefix of the level a node is listed in (`a/` for `/a/b`, '' for `/a`). */
export function levelOf(node: ConsulNode): string {
  return node.key.slice(0, node.key.lastIndexOf('/') + 1);
}

/** CONFLICT carrying the node's current value (null when it has none any more). */
export function conflictError(path: string, current: KvEntry | null): AppError {
  if (current === null) {
    return new AppError('CONFLICT', `${path} was deleted by someone else since it was read.`, {
      currentValueBase64: null,
      currentToken: null,
    });
  }
  return new AppError(
    'CONFLICT',
    `${path} was changed by someone else since it was read (now at index ${current.ModifyIndex}).`,
    { currentValueBase64: entryBytes(current).toString('base64'), currentToken: current.ModifyIndex },
  );
}

/** The node of a path that can hold a value (not the root). */
export function writableNode(path: string): ConsulNode {
  const node = resolvePath(path);
  if (node.isRoot) throw new AppError('INVALID_INPUT', 'The root of a Consul KV store holds no value.');
  return node;
}

/** PUT of one key; false when Consul refused a check-and-set. */
async function putKey(
  ctx: KvContext,
  key: string,
  value: Buffer,
  query: { cas?: string; flags?: string },
  what: string,
): Promise<boolean> {
  const response = await ctx.http.request({ what, method: 'PUT', path: kvPath(key), query, body: value });
  return response.body.toString('utf8').trim() === 'true';
}

/**
 * Writes the node's value key (see consul.paths.ts) when it is still at `token` (null: always),
 * keeping its flags; a mismatch is a CONFLICT with the current value, never an overwrite. Without a
 * token the write is guarded by the index it read (kit/guarded-by-read.ts), so the value before is
 * exactly the one it replaced.
 */
export const setNode: SessionOperation<KvContext, 'set'> = async (ctx, path, value, token) => {
  const node = writableNode(path);
  const what = `Writing ${path}`;
  const expected = token === null ? null : parseToken(token);
  const { current } = await writeGuardedByRead(
    async () => {
      const found = valueEntry(await readKeys(ctx.http, node, what));
      if (expected !== null && (expected === '0' ? found !== null : found?.ModifyIndex !== expected)) {
        throw conflictError(path, found);
      }
      return found;
    },
    async (found, guarded): Promise<true | Moved> => {
      // '0' guards a key that did not exist yet.
      const cas = expected ?? (guarded ? (found?.ModifyIndex ?? '0') : null);
      const query = { ...(found ? { flags: found.Flags } : {}), ...(cas !== null ? { cas } : {}) };
      const written = await putKey(ctx, found?.Key ?? node.key, value, query, what);
      ctx.levels.invalidate(levelOf(node));
      if (written) return true;
      if (expected === null) return MOVED;
      throw conflictError(path, valueEntry(await readKeys(ctx.http, node, what)));
    },
  );
  return { node: await getNode(ctx, path, 0), before: current === null ? null : entryBytes(current) };
};

/** Creates key `path` (without the leading '/'); NODE_EXISTS when the node already has a value. */
export const createNode: SessionOperation<KvContext, 'create'> = async (ctx, path, value) => {
  const node = writableNode(path);
  const what = `Creating ${path}`;
  if ((await readKey(ctx.http, node.folderKey, what)) !== null) {
    throw new AppError('NODE_EXISTS', `${path} already has a value (the folder key "${node.folderKey}").`);
  }
  const created = await putKey(ctx, node.key, value, { cas: '0' }, what);
  if (!created) throw new AppError('NODE_EXISTS', `A key already exists at ${path}.`);
  ctx.levels.invalidate(levelOf(node));
  return { path };
};
