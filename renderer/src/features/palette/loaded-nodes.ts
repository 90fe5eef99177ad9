import type { QueryClient } from '@tanstack/react-query';
import type { ChildEntry } from '../../../../shared/model/node.js';
import type { ChildLevelData } from '../../api/child-pages.js';
import { queryKeys } from '../../api/query-keys.js';

/** Past this many entries a palette query stops looking (a level may hold 300,000 children). */
export const MAX_SCANNED_NODES = 50_000;

/**
 * The tree entries of `connectionId` already in the cache — of the level of `parent` when given (under any
 * filter), else of every loaded level — each path once, at most `limit`. Nothing is listed for this.
 */
export function loadedNodes(
  queryClient: QueryClient,
  connectionId: string,
  parent: string | null,
  limit = MAX_SCANNED_NODES,
): ChildEntry[] {
  const levels = queryClient.getQueriesData<ChildLevelData>({
    queryKey: parent === null ? queryKeys.connection(connectionId) : queryKeys.children(connectionId, parent),
    predicate: (query) => query.queryKey[2] === 'children',
  });
  const seen = new Set<string>();
  const out: ChildEntry[] = [];
  for (const [, data] of levels) {
    for (const page of data?.pages ?? []) {
      for (const entry of page.entries) {
        if (seen.has(entry.path)) continue;
        seen.add(entry.path);
        out.push(entry);
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
