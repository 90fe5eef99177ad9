import { AppError } from '../../../../shared/errors.js';
import { inWords } from '../../../../shared/labels/core-words.js';
import { metaField } from '../../../../shared/labels/meta-fields.js';
import type { ChildEntry, NodeValue } from '../../../../shared/model/node.js';
import { readConfig } from './nacos.config-api.js';
import type { NacosHttp } from './nacos.http.js';
import type { ConfigEntry, ConfigIndex } from './nacos.index.js';
import type { NacosNamespaces } from './nacos.namespaces.js';
import { resolvePath, type NacosNode } from './nacos.paths.js';
import { childPath } from '../../../../shared/paths.js';
import { folderValue } from '../node-value.js';
import { configValue } from './nacos.values.js';
import type { SessionOperation } from '../kit/session.operation.js';

/** What the tree reads through. */
export interface TreeContext {
  http: NacosHttp;
  index: ConfigIndex;
  namespaces: NacosNamespaces;
  /** The server answers `show=all` with the config's details. */
  detail: boolean;
}

const CURSOR_TAG = 'n1.';

/** The groups of a namespace with their config counts, in order. */
export function groupsOf(entries: ConfigEntry[]): Map<string, number> {
  const groups = new Map<string, number>();
  for (const entry of entries) groups.set(entry.group, (groups.get(entry.group) ?? 0) + 1);
  return groups;
}

/** The configs of a group; NOT_FOUND when it has none (a Nacos group exists only through its configs). */
export async function groupConfigs(
  ctx: TreeContext,
  node: Extract<NacosNode, { depth: 2 }>,
): Promise<ConfigEntry[]> {
  await ctx.namespaces.shows(node.namespace);
  const entries = await ctx.index.list(node.namespace.tenant, node.group);
  if (entries.length === 0) throw noGroup(node);
  return entries;
}

function noGroup(node: Extract<NacosNode, { depth: 2 }>): AppError {
  return new AppError(
    'NOT_FOUND',
    `No config exists in group ${node.group} of namespace ${node.namespace.segment}.`,
  );
}

function configEntry(node: NacosNode, config: ConfigEntry): ChildEntry {
  return {
    name: config.dataId,
    path: childPath(node.path, config.dataId),
    hasValue: true,
    childCount: 0,
    dataLength: config.size,
    ephemeral: false,
  };
}

function cursorAfter(entries: readonly ChildEntry[]): string {
  return CURSOR_TAG + Buffer.from(entries[entries.length - 1]!.name, 'utf8').toString('base64url');
}

/** The direct children of a node, unpaged and unfiltered. */
async function allChildren(ctx: TreeContext, node: NacosNode): Promise<ChildEntry[]> {
  const entry = (
    name: string,
    hasValue: boolean,
    childCount: number | null,
    size: number | null,
  ): ChildEntry => ({
    name,
    path: childPath(node.path, name),
    hasValue,
    childCount,
    dataLength: size,
    ephemeral: false,
  });
  switch (node.depth) {
    case 0:
      return (await ctx.namespaces.list()).map((ns) => entry(ns.segment, false, null, null));
    case 1: {
      await ctx.namespaces.shows(node.namespace);
      const groups = groupsOf(await ctx.index.list(node.namespace.tenant, null));
      return [...groups].map(([group, count]) => entry(group, false, count, null));
    }
    case 2:
      return (await groupConfigs(ctx, node)).map((c) => configEntry(node, c));
    case 3:
      // A config is a leaf: no children, but it must exist.
      if ((await readConfig(ctx.http, node, ctx.detail)) === null) {
        throw new AppError('NOT_FOUND', `No config exists at ${node.path}.`);
      }
      return [];
  }
}

function decodeCursor(cursor: string): string {
  if (!cursor.startsWith(CURSOR_TAG)) {
    throw new AppError(
      'INVALID_INPUT',
      'The page cursor does not belong to this level; list it again from the start.',
    );
  }
  return Buffer.from(cursor.slice(CURSOR_TAG.length), 'base64url').toString('utf8');
}

/** Where a page continues: namespaces keep the server's order (public first), other levels are sorted. */
function startAfter(entries: ChildEntry[], after: string, serverOrder: boolean): number {
  if (serverOrder) {
    const at = entries.findIndex((e) => e.name === after);
    return at < 0 ? entries.length : at + 1;
  }
  const next = entries.findIndex((e) => e.name > after);
  return next < 0 ? entries.length : next;
}

/**
 * One page of the children of `path`. The cursor is the last name returned, so a page continues after
 * it even when configs were added or removed meanwhile.
 */
export const listChildren: SessionOperation<TreeContext, 'listChildren'> = async (ctx, path, options) => {
  const node = resolvePath(path);
  if (node.depth === 2 && options.cursor === null && !options.filter) {
    // The first page of a group, the one every open of it waits for: one request where the server
    // pages in order, instead of scanning the whole group first.
    await ctx.namespaces.shows(node.namespace);
    const head = await ctx.index.head(node.namespace.tenant, node.group, options.limit);
    if (head !== null) {
      if (head.total === 0) throw noGroup(node);
      const entries = head.entries.map((config) => configEntry(node, config));
      return {
        path,
        entries,
        total: head.total,
        nextCursor: head.total > entries.length && entries.length > 0 ? cursorAfter(entries) : null,
      };
    }
  }
  const filter = options.filter ? options.filter.toLowerCase() : null;
  const all = await allChildren(ctx, node);
  const matching = filter === null ? all : all.filter((e) => e.name.toLowerCase().includes(filter));
  const after = options.cursor === null ? null : decodeCursor(options.cursor);
  const from = after === null ? 0 : startAfter(matching, after, node.depth === 0);
  const entries = matching.slice(from, from + options.limit);
  const more = from + entries.length < matching.length;
  return {
    path,
    entries,
    total: matching.length,
    nextCursor: more ? cursorAfter(entries) : null,
  };
};

/** The value and metadata of a node; NOT_FOUND when it does not exist. */
export async function getNode(ctx: TreeContext, path: string, maxBytes: number): Promise<NodeValue> {
  const node = resolvePath(path);
  switch (node.depth) {
    case 0:
      return folderValue(path, (await ctx.namespaces.list()).length);
    case 1: {
      const ns = await ctx.namespaces.find(node.namespace);
      const groups = groupsOf(await ctx.index.list(node.namespace.tenant, null));
      const meta = [
        metaField('namespaceId', ns.tenant === '' ? inWords('emptyPublicNamespace') : ns.tenant),
        metaField('namespaceName', ns.name),
        ...(ns.description ? [metaField('description', ns.description)] : []),
      ];
      return folderValue(path, groups.size, meta);
    }
    case 2:
      return folderValue(path, (await groupConfigs(ctx, node)).length);
    case 3: {
      const record = await readConfig(ctx.http, node, ctx.detail);
      if (record === null) throw new AppError('NOT_FOUND', `No config exists at ${path}.`);
      return configValue(path, record, maxBytes);
    }
  }
}

/** Configs in the subtree of `path`; a namespace other than public counts itself (it is deleted with them). */
export async function countSubtree(ctx: TreeContext, path: string): Promise<number> {
  const node = resolvePath(path);
  switch (node.depth) {
    case 0: {
      const namespaces = await ctx.namespaces.list();
      const counts = await Promise.all(namespaces.map((ns) => ctx.index.list(ns.tenant, null)));
      return counts.reduce((sum, list) => sum + list.length, 0);
    }
    case 1: {
      await ctx.namespaces.shows(node.namespace);
      const configs = (await ctx.index.list(node.namespace.tenant, null)).length;
      return configs + (node.namespace.tenant === '' ? 0 : 1);
    }
    case 2:
      return (await groupConfigs(ctx, node)).length;
    case 3:
      return (await readConfig(ctx.http, node, ctx.detail)) === null ? 0 : 1;
  }
}
