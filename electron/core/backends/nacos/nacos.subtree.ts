import { isAppError } from '../../../../shared/errors.js';
import { childPath } from '../../../../shared/paths.js';
import { throwIfCancelled, type ScannedNode } from '../subtree.scan.js';
import type { SessionOperation } from '../kit/session.operation.js';
import { ConfigPageSchema } from './nacos.schemas.js';
import type { NamespaceInfo } from './nacos.namespaces.js';
import { resolvePath } from './nacos.paths.js';
import type { TreeContext } from './nacos.tree.js';
import { md5Of } from './nacos.values.js';

/** Nacos caps a listing page at 500. */
export const CONFIG_PAGE_SIZE = 500;

/** A namespace or group as a scan yields it: no value of its own. */
export function scannedFolder(path: string): ScannedNode {
  return { path, value: null, token: null, childCount: null, ephemeral: false };
}

/** A config of a listing page as a scan yields it (the page carries its content and md5). */
export function scannedConfig(
  path: string,
  item: { content?: string | null; md5?: string | null },
): ScannedNode {
  const value = Buffer.from(item.content ?? '', 'utf8');
  return { path, value, token: item.md5 || md5Of(value), childCount: 0, ephemeral: false };
}

/**
 * Every namespace, group and config below `path`, straight from the config listing (`search=accurate`),
 * whose pages carry each config's content and md5 on both Nacos and r-nacos: one request per 500 configs
 * instead of one per config, and no more than a page of values held at once. Groups appear the first time
 * one of their configs does (Nacos keeps no groups of its own). A missing path scans as empty.
 */
export const scanNacosSubtree: SessionOperation<TreeContext, 'scanSubtree'> = async function* (
  ctx,
  path,
  options,
) {
  const node = resolvePath(path);
  if (node.depth === 3) return;
  let namespaces: NamespaceInfo[];
  try {
    namespaces = node.depth === 0 ? await ctx.namespaces.list() : [await ctx.namespaces.find(node.namespace)];
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return;
    throw error;
  }
  const group = node.depth === 2 ? node.group : null;
  for (const namespace of namespaces) {
    const namespacePath = childPath('/', namespace.segment);
    if (node.depth === 0) {
      if (options.skip(namespacePath)) continue;
      yield [scannedFolder(namespacePath)];
    }
    const seenGroups = new Set<string>();
    const what = `Reading the configs of ${namespace.segment}${group === null ? '' : `/${group}`}`;
    for (let pageNo = 1; ; pageNo++) {
      throwIfCancelled(options.signal);
      const query = { search: 'accurate', dataId: '', group: group ?? '', tenant: namespace.tenant };
      const page = await ctx.http.json(
        { path: '/v1/cs/configs', query: { ...query, pageNo, pageSize: CONFIG_PAGE_SIZE }, what },
        ConfigPageSchema,
      );
      const items = page.pageItems ?? [];
      const nodes: ScannedNode[] = [];
      for (const item of items) {
        // An exact group search must not let another group through (some servers match loosely).
        if (group !== null && item.group !== group) continue;
        const groupPath = childPath(namespacePath, item.group);
        if (options.skip(groupPath)) continue;
        if (group === null && !seenGroups.has(item.group)) {
          seenGroups.add(item.group);
          nodes.push(scannedFolder(groupPath));
        }
        const configPath = childPath(groupPath, item.dataId);
        if (options.skip(configPath)) continue;
        nodes.push(scannedConfig(configPath, item));
      }
      if (nodes.length > 0) yield nodes;
      if (items.length < CONFIG_PAGE_SIZE || pageNo * CONFIG_PAGE_SIZE >= page.totalCount) break;
    }
  }
};
