import { AppError } from '../../../../shared/errors.js';
import { readConfig, removeConfig } from './nacos.config-api.js';
import type { ConfigEntry } from './nacos.index.js';
import { resolvePath, type ConfigNode, type NamespaceRef } from './nacos.paths.js';
import { groupConfigs, type TreeContext } from './nacos.tree.js';
import { checkToken } from './nacos.write.js';
import type { SessionOperation } from '../kit/session.operation.js';

/** Deletes sent at once when a group or namespace goes. */
const DELETE_WINDOW = 4;

function configAt(namespace: NamespaceRef, entry: ConfigEntry): ConfigNode {
  const path = `/${namespace.segment}/${entry.group}/${entry.dataId}`;
  return { depth: 3, path, namespace, group: entry.group, dataId: entry.dataId };
}

/** Deletes many configs with a bounded window; returns how many went. */
async function deleteConfigs(
  ctx: TreeContext,
  namespace: NamespaceRef,
  entries: ConfigEntry[],
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const node = configAt(namespace, entries[next++]!);
      await removeConfig(ctx.http, node, `Deleting ${node.path}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(DELETE_WINDOW, entries.length) }, worker));
  } finally {
    ctx.index.invalidate(namespace.tenant);
  }
  return entries.length;
}

/**
 * Deletes a config (checking its md5 token when given; Nacos has no conditional delete, so this is a
 * check then a delete), a group (recursive only: every config in it) or a namespace (recursive: its
 * configs, then the namespace itself, which counts as one more node). The root and the public
 * namespace are never deleted.
 */
export const deleteNode: SessionOperation<TreeContext, 'delete'> = async (ctx, path, options) => {
  const node = resolvePath(path);
  switch (node.depth) {
    case 0:
      throw new AppError(
        'INVALID_INPUT',
        'Refusing to delete the root: delete namespaces or groups one by one.',
      );
    case 3: {
      const current = await readConfig(ctx.http, node, ctx.detail);
      if (current === null) throw new AppError('NOT_FOUND', `No config exists at ${path}.`);
      if (options.token !== null) checkToken(path, current, options.token);
      try {
        await removeConfig(ctx.http, node, `Deleting ${path}`);
      } finally {
        ctx.index.invalidate(node.namespace.tenant);
      }
      return { deleted: 1, before: current.content };
    }
    case 2: {
      const entries = await groupConfigs(ctx, node);
      if (!options.recursive) {
        throw new AppError(
          'NOT_EMPTY',
          `Group ${node.group} holds ${entries.length} config(s); delete it recursively to remove them all.`,
        );
      }
      return { deleted: await deleteConfigs(ctx, node.namespace, entries), before: null };
    }
    case 1: {
      if (node.namespace.tenant === '') {
        throw new AppError(
          'INVALID_INPUT',
          'The public namespace cannot be deleted; delete its groups instead.',
        );
      }
      ctx.namespaces.requireApi('Deleting a namespace');
      await ctx.namespaces.find(node.namespace);
      const entries = await ctx.index.list(node.namespace.tenant, null, true);
      if (entries.length > 0 && !options.recursive) {
        throw new AppError(
          'NOT_EMPTY',
          `Namespace ${node.namespace.segment} holds ${entries.length} config(s); delete it recursively to remove them all.`,
        );
      }
      const deleted = await deleteConfigs(ctx, node.namespace, entries);
      await ctx.namespaces.remove(node.namespace);
      return { deleted: deleted + 1, before: null };
    }
  }
};
