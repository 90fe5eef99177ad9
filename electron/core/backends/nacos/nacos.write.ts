import { AppError, isAppError } from '../../../../shared/errors.js';
import { publishConfig, readConfig } from './nacos.config-api.js';
import { assertName, resolvePath, type ConfigNode } from './nacos.paths.js';
import type { TreeContext } from './nacos.tree.js';
import { configText, configValue, typeForDataId, type ConfigRecord } from './nacos.values.js';
import type { SessionOperation } from '../kit/session.operation.js';

const MD5_TOKEN = /^[0-9a-f]{32}$/i;

/** The config node of a path that must hold a value; INVALID_INPUT for namespaces, groups and bad names. */
export function configNode(path: string): ConfigNode {
  const node = resolvePath(path);
  if (node.depth !== 3) {
    throw new AppError(
      'INVALID_INPUT',
      `${path} is ${node.depth === 0 ? 'the root' : node.depth === 1 ? 'a namespace' : 'a group'}: only configs (/<namespace>/<group>/<dataId>) hold values in Nacos.`,
    );
  }
  assertName('group', node.group);
  assertName('dataId', node.dataId);
  return node;
}

/** The CONFLICT of a save or delete whose token no longer matches. */
export function conflict(path: string, current: ConfigRecord | null): AppError {
  return new AppError(
    'CONFLICT',
    current === null
      ? `${path} was deleted by someone else since it was read.`
      : `${path} was changed by someone else since it was read (md5 now ${current.md5}).`,
    {
      currentValueBase64: current === null ? null : current.content.toString('base64'),
      currentToken: current === null ? null : current.md5,
    },
  );
}

/** Throws CONFLICT unless the config is still at `token` (its md5). */
export function checkToken(path: string, current: ConfigRecord | null, token: string): void {
  if (!MD5_TOKEN.test(token)) throw new AppError('INVALID_INPUT', `"${token}" is not a Nacos md5 token.`);
  if (current === null || current.md5.toLowerCase() !== token.toLowerCase()) throw conflict(path, current);
}

/**
 * Saves a config when it is still at `token` (null: unconditionally), keeping its declared type.
 * The md5 is compared here first because r-nacos ignores `casMd5`: against r-nacos this check-then-
 * write is NOT atomic (a write landing between our read and our publish is overwritten). Real Nacos
 * also compares `casMd5` atomically on publish; its refusal is reported as the same CONFLICT.
 */
export const setConfig: SessionOperation<TreeContext, 'set'> = async (ctx, path, value, token) => {
  const node = configNode(path);
  const content = configText(value, path);
  const current = await readConfig(ctx.http, node, ctx.detail);
  if (token !== null) checkToken(path, current, token);
  const options = {
    // Unknown type (r-nacos text/plain): omitted, and the server keeps what it has.
    type: current === null ? typeForDataId(node.dataId) : current.type,
    casMd5: token,
    keep: ctx.detail && current !== null ? current : null,
  };
  try {
    await publishConfig(ctx.http, node, content, options, `Writing ${path}`);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT')
      throw conflict(path, await readConfig(ctx.http, node, ctx.detail));
    throw error;
  } finally {
    ctx.index.invalidate(node.namespace.tenant);
  }
  const written = await readConfig(ctx.http, node, ctx.detail);
  if (written === null) {
    throw new AppError(
      'CONFLICT',
      `${path} is gone right after the write: deleted by someone else meanwhile, or not stored by the server.`,
      { currentValueBase64: null, currentToken: null },
    );
  }
  return { node: configValue(path, written, 0), before: current?.content ?? null };
};

/**
 * Creates a namespace (its value, when any, is its description) or a config. The root, the public
 * namespace and groups cannot be created (a group exists only through its configs).
 */
export const createNode: SessionOperation<TreeContext, 'create'> = async (ctx, path, value) => {
  const node = resolvePath(path);
  if (node.depth === 0) throw new AppError('NODE_EXISTS', 'The root always exists.');
  if (node.depth === 2) {
    throw new AppError(
      'UNSUPPORTED',
      `A Nacos group exists only through its configs: create a config in it instead (${path}/<dataId>).`,
    );
  }
  if (node.depth === 1) {
    assertName('namespace', node.namespace.segment);
    if (node.namespace.tenant === '')
      throw new AppError('NODE_EXISTS', 'The public namespace always exists.');
    const description = value.length === 0 ? null : configText(value, path);
    await ctx.namespaces.create(node.namespace, description);
  } else {
    await createConfig(ctx, node, value);
  }
  return { path };
};

/**
 * Creates a config, NODE_EXISTS when it exists. Nacos has no create-if-absent: this is a check then a
 * publish, not atomic. The type is taken from the dataId's extension (app.yaml → yaml), else text.
 */
async function createConfig(ctx: TreeContext, node: ConfigNode, value: Buffer): Promise<void> {
  assertName('group', node.group);
  assertName('dataId', node.dataId);
  await ctx.namespaces.find(node.namespace);
  const content = configText(value, node.path);
  if ((await readConfig(ctx.http, node, ctx.detail)) !== null) {
    throw new AppError('NODE_EXISTS', `A config already exists at ${node.path}.`);
  }
  const options = { type: typeForDataId(node.dataId), casMd5: null, keep: null };
  try {
    await publishConfig(ctx.http, node, content, options, `Creating ${node.path}`);
  } finally {
    ctx.index.invalidate(node.namespace.tenant);
  }
}
