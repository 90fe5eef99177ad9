import type { NodeChange } from '../backend.js';
import type { WatchOperation } from '../kit/session.operation.js';
import type { ConfigListenerHub } from './nacos.long-poll.js';
import { resolvePath, type NacosNode } from './nacos.paths.js';
import { groupsOf, type TreeContext } from './nacos.tree.js';

/** What a watch reads through: the tree, and the session's long-polling listener for configs. */
export type NacosWatchContext = TreeContext & { hub: ConfigListenerHub };

/** Nacos cannot push changes of a list: the children of a watched level are polled this often. */
export const CHILDREN_POLL_MS = 3000;

/** The names of a level's children, fresh from the server ('' joined: compared, not shown). */
async function childNames(ctx: TreeContext, node: NacosNode): Promise<string> {
  switch (node.depth) {
    case 0:
      ctx.namespaces.invalidate();
      return (await ctx.namespaces.list()).map((ns) => ns.segment).join('\u0000');
    case 1:
      return [...groupsOf(await ctx.index.list(node.namespace.tenant, null, true)).keys()].join('\u0000');
    case 2:
      return (await ctx.index.list(node.namespace.tenant, node.group, true))
        .map((c) => c.dataId)
        .join('\u0000');
    case 3:
      return '';
  }
}

/** Polls the children of a level while watched and reports 'children' when the list changes. */
function pollChildren(ctx: TreeContext, node: NacosNode, emit: (change: NodeChange) => void): () => void {
  let last: string | null = null;
  let busy = false;
  let active = true;
  const tick = async (): Promise<void> => {
    if (busy || !active) return;
    busy = true;
    try {
      const names = await childNames(ctx, node).catch(() => null);
      if (names === null || !active) return;
      if (last !== null && names !== last) emit({ path: node.path, type: 'children' });
      last = names;
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHILDREN_POLL_MS);
  timer.unref();
  return () => {
    active = false;
    clearInterval(timer);
  };
}

/**
 * Watches `path`: a config through the session's long-polling listener ('data', 'created',
 * 'deleted'); with `children`, the direct children of the root, a namespace or a group by polling.
 * `emit` is the guarded emit of the session's watch registry. Returns the stop.
 */
export const startWatch: WatchOperation<NacosWatchContext> = (ctx, path, options, emit) => {
  const node = resolvePath(path);
  if (node.depth === 3) return ctx.hub.add(node, (type) => emit({ path, type }));
  return options.children ? pollChildren(ctx, node, emit) : () => undefined;
};
