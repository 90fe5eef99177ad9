import { AppError } from '../../../../shared/errors.js';
import { childPath } from '../../../../shared/paths.js';
import { readConfig } from './nacos.config-api.js';
import type { ConfigEntry } from './nacos.index.js';
import { resolvePath, type ConfigNode, type NamespaceRef } from './nacos.paths.js';
import type { SeenConfig } from './nacos.stream.events.js';
import type { TreeContext } from './nacos.tree.js';
import { md5Of } from './nacos.values.js';
import { configNode } from './nacos.write.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/**
 * How often a group or namespace stream lists its configs again: Nacos's listener only answers for the
 * configs named in the request, so a config added to the group is found by this re-list (one call per
 * 500 configs, content included), at most this late.
 */
export const RELIST_MS = 3000;

/** A config of the scope as one read found it. */
export interface ScopeConfig {
  node: ConfigNode;
  config: SeenConfig;
}

/** What a stream watches: one config, or the configs of a group or a namespace. */
export interface StreamScope {
  /** `the group DEFAULT_GROUP of public`, for sentences. */
  label: string;
  /** The one config of a config stream (listened to even while absent); null for a group or namespace. */
  fixed: ConfigNode | null;
  /** The configs in the scope now, by path. */
  list(): Promise<Map<string, ScopeConfig>>;
  /** Re-list period to find configs added to the scope; null for one config (its listener covers it). */
  relistMs: number | null;
}

function seen(content: Buffer, md5: string | null): SeenConfig {
  return { content, md5: md5 ?? md5Of(content) };
}

/** The configs of one namespace (one group of it, when given) from the config list, contents included. */
async function listConfigs(
  ctx: TreeContext,
  namespace: NamespaceRef,
  group: string | null,
): Promise<Map<string, ScopeConfig>> {
  const entries = await ctx.index.list(namespace.tenant, group, true);
  const out = new Map<string, ScopeConfig>();
  const toNode = (entry: ConfigEntry): ConfigNode => ({
    depth: 3,
    path: childPath(childPath(`/${namespace.segment}`, entry.group), entry.dataId),
    namespace,
    group: entry.group,
    dataId: entry.dataId,
  });
  await Promise.all(
    entries.map(async (entry) => {
      const node = toNode(entry);
      if (entry.content !== null) {
        out.set(node.path, { node, config: seen(Buffer.from(entry.content, 'utf8'), entry.md5) });
        return;
      }
      // A server whose list leaves the content out: read the config itself.
      const record = await readConfig(ctx.http, node, ctx.detail);
      if (record !== null) out.set(node.path, { node, config: seen(record.content, record.md5) });
    }),
  );
  return out;
}

/** The scope of a stream on `path`: INVALID_INPUT for the root and for a level without `recursive`. */
export async function streamScope(ctx: TreeContext, path: string, recursive: boolean): Promise<StreamScope> {
  const node = resolvePath(path);
  if (node.depth === 3) {
    const config = configNode(path);
    return {
      label: path,
      fixed: config,
      relistMs: null,
      list: async () => {
        const record = await readConfig(ctx.http, config, ctx.detail);
        return new Map(
          record === null ? [] : [[path, { node: config, config: seen(record.content, record.md5) }]],
        );
      },
    };
  }
  if (node.depth === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'A Nacos stream watches one namespace, group or config: open it on /<namespace> or below.',
    );
  }
  const level = node.depth === 1 ? 'namespace' : 'group';
  if (!recursive) {
    throw new AppError(
      'INVALID_INPUT',
      `${path} is a Nacos ${level}, which holds no value of its own: watch its subtree to see its configs.`,
    );
  }
  await ctx.namespaces.find(node.namespace);
  const group = node.depth === 2 ? node.group : null;
  return {
    label:
      group === null
        ? say(NACOS_SENTENCES, 'scopeNamespace', { namespace: node.namespace.segment })
        : say(NACOS_SENTENCES, 'scopeGroup', { group, namespace: node.namespace.segment }),
    fixed: null,
    relistMs: RELIST_MS,
    list: () => listConfigs(ctx, node.namespace, group),
  };
}
