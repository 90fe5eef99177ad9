import type { Query, QueryClient } from '@tanstack/react-query';
import { DEFAULT_MAX_VALUE_BYTES, type ChildEntry, type NodeValue } from '../../../shared/model/node.js';
import { isSelfOrAncestor, parentPath } from '../../../shared/paths.js';
import { base64ToBytes, bytesToBase64 } from '../lib/base64.js';
import { withChildPatched, withoutChild, type ChildLevelData } from './child-pages.js';
import { nodePathOfKey, queryKeys } from './query-keys.js';

/** The head query's answer for a whole value: the value itself up to 1 MiB, else its first MiB, truncated. */
export function headOf(node: NodeValue): NodeValue {
  if (node.truncated || node.size <= DEFAULT_MAX_VALUE_BYTES) return node;
  const head = base64ToBytes(node.valueBase64).subarray(0, DEFAULT_MAX_VALUE_BYTES);
  return { ...node, valueBase64: bytesToBase64(head), truncated: true };
}

/** Changes the entry of `path` in every loaded page of its parent's levels (whatever their filter). */
export function patchChildEntry(
  queryClient: QueryClient,
  connectionId: string,
  path: string,
  patch: (entry: ChildEntry) => Partial<ChildEntry>,
): void {
  const parent = parentPath(path);
  if (parent === null) return;
  queryClient.setQueriesData<ChildLevelData>(
    { queryKey: queryKeys.children(connectionId, parent) },
    (data) => (data ? withChildPatched(data, path, patch) : data),
  );
}

/** What a node's value says about its entry in its parent's list. */
function entryFacts(node: NodeValue): Partial<ChildEntry> {
  return { hasValue: node.hasValue, dataLength: node.size };
}

/**
 * A write answered with the node as it now is (whole value): both value queries take it (the head only its
 * first MiB, as the core would cut it) and the parent's list its size, without asking the store again.
 */
export function cacheWrittenNode(queryClient: QueryClient, connectionId: string, node: NodeValue): void {
  if (node.truncated) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.nodeValues(connectionId, node.path) });
    return;
  }
  queryClient.setQueryData(queryKeys.nodeValue(connectionId, node.path, true), node);
  queryClient.setQueryData(queryKeys.nodeValue(connectionId, node.path, false), headOf(node));
  patchChildEntry(queryClient, connectionId, node.path, () => entryFacts(node));
}

/** True for the queries of `path` and everything below it: values, history, listeners, counts, levels. */
function inSubtree(connectionId: string, path: string) {
  return (query: Query): boolean => {
    const nodePath = nodePathOfKey(query.queryKey, connectionId);
    return nodePath !== null && isSelfOrAncestor(path, nodePath);
  };
}

/**
 * A node is gone: its queries and its subtree's are forgotten, its entry leaves the parent's loaded pages
 * and the parent's child count drops by one. With `refetchShown`, queries on screen are asked again
 * instead of forgotten, so the open value learns it was deleted (and keeps the user's text).
 */
export function forgetNode(
  queryClient: QueryClient,
  connectionId: string,
  path: string,
  { refetchShown }: { refetchShown: boolean },
): void {
  const gone = inSubtree(connectionId, path);
  queryClient.removeQueries({ predicate: (query) => gone(query) && !(refetchShown && query.isActive()) });
  if (refetchShown) void queryClient.invalidateQueries({ predicate: gone });
  const parent = parentPath(path);
  if (parent === null) return;
  queryClient.setQueriesData<ChildLevelData>(
    { queryKey: queryKeys.children(connectionId, parent) },
    (data) => (data ? withoutChild(data, path) : data),
  );
  patchChildEntry(queryClient, connectionId, parent, (entry) => ({
    childCount: entry.childCount === null ? null : Math.max(0, entry.childCount - 1),
  }));
}

/**
 * The value of `path` changed somewhere (a `data` event carries no value): its queries on screen are asked
 * again, and once answered the parent's entry takes the new size.
 */
export async function refreshNodeValue(
  queryClient: QueryClient,
  connectionId: string,
  path: string,
): Promise<void> {
  const since = Date.now();
  await queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, path) });
  for (const full of [false, true]) {
    const state = queryClient.getQueryState<NodeValue>(queryKeys.nodeValue(connectionId, path, full));
    if (state?.data && state.status === 'success' && state.dataUpdatedAt >= since) {
      const node = state.data;
      patchChildEntry(queryClient, connectionId, path, () => entryFacts(node));
      return;
    }
  }
}
