import { isAppError } from '../../../../shared/errors.js';
import { childPath } from '../../../../shared/paths.js';
import { throwIfCancelled, type ScannedNode } from '../subtree.scan.js';
import { ConfigPageSchema, type ConfigItem } from './nacos.schemas.js';
import type { NamespaceInfo } from './nacos.namespaces.js';
import { resolvePath } from './nacos.paths.js';
import { CONFIG_PAGE_SIZE, scanNacosSubtree, scannedConfig, scannedFolder } from './nacos.subtree.js';
import type { TreeContext } from './nacos.tree.js';

/**
 * How the server's `search=blur` reads a name: real Nacos takes `*` wildcards (`*x*` is a substring, LIKE
 * '%x%'); r-nacos takes the text itself as a substring. Both compare case by case (r-nacos always; Nacos on
 * Derby, while MySQL's usual collation ignores case: more answers, which the search filters again).
 */
export type BlurSyntax = 'wildcards' | 'substring';

export interface NameSearchContext extends TreeContext {
  blur: BlurSyntax;
}

/** Whether a blur search answers every config whose names contain `text` (maybe more, never fewer). */
export function canBlurSearch(text: string, caseSensitive: boolean): boolean {
  if (/[*/%\\]/.test(text)) return false;
  return caseSensitive || text.toLowerCase() === text.toUpperCase();
}

async function* blurPages(
  ctx: NameSearchContext,
  tenant: string,
  names: { dataId: string; group: string },
  signal: AbortSignal | undefined,
): AsyncIterable<ConfigItem[]> {
  const what = `Searching the configs of ${tenant === '' ? 'public' : tenant}`;
  for (let pageNo = 1; ; pageNo++) {
    throwIfCancelled(signal);
    const query = { search: 'blur', ...names, tenant, pageNo, pageSize: CONFIG_PAGE_SIZE };
    const page = await ctx.http.json({ path: '/v1/cs/configs', query, what }, ConfigPageSchema);
    const items = page.pageItems ?? [];
    yield items;
    if (items.length < CONFIG_PAGE_SIZE || pageNo * CONFIG_PAGE_SIZE >= page.totalCount) return;
  }
}

/**
 * The namespaces, groups and configs below `path` whose names may contain `text`, asked of the server's
 * config search (`search=blur` by dataId, then by group) instead of listing every config. A namespace whose
 * own name contains it is listed whole (everything below it matches). The caller filters the answers.
 */
export async function* searchNacosNames(
  ctx: NameSearchContext,
  path: string,
  text: string,
  signal?: AbortSignal,
): AsyncIterable<ScannedNode[]> {
  const node = resolvePath(path);
  if (node.depth === 3) return;
  let namespaces: NamespaceInfo[];
  try {
    namespaces = node.depth === 0 ? await ctx.namespaces.list() : [await ctx.namespaces.find(node.namespace)];
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return;
    throw error;
  }
  const pattern = ctx.blur === 'wildcards' ? `*${text}*` : text;
  for (const namespace of namespaces) {
    const namespacePath = childPath('/', namespace.segment);
    if (node.depth === 0) {
      yield [scannedFolder(namespacePath)];
      if (namespace.segment.includes(text)) {
        yield* scanNacosSubtree(ctx, namespacePath, {
          pageSize: CONFIG_PAGE_SIZE,
          skip: () => false,
          ...(signal ? { signal } : {}),
        });
        continue;
      }
    }
    // Below a group only dataIds are in the relative path; above it, group names are too.
    const asks =
      node.depth === 2
        ? [{ dataId: pattern, group: node.group }]
        : [
            { dataId: pattern, group: '' },
            { dataId: '', group: pattern },
          ];
    const seen = new Set<string>();
    for (const names of asks) {
      for await (const items of blurPages(ctx, namespace.tenant, names, signal)) {
        const nodes: ScannedNode[] = [];
        for (const item of items) {
          if (node.depth === 2 && item.group !== node.group) continue;
          const groupPath = childPath(namespacePath, item.group);
          if (node.depth < 2 && !seen.has(groupPath)) {
            seen.add(groupPath);
            nodes.push(scannedFolder(groupPath));
          }
          const configPath = childPath(groupPath, item.dataId);
          if (seen.has(configPath)) continue;
          seen.add(configPath);
          nodes.push(scannedConfig(configPath, item));
        }
        if (nodes.length > 0) yield nodes;
      }
    }
  }
}
