import type { QueryClient } from '@tanstack/react-query';
import type { NodeChangeType } from '../../../shared/model/node.js';
import { parentPath } from '../../../shared/paths.js';
import { forgetNode, refreshNodeValue } from './node-cache.js';
import { queryKeys } from './query-keys.js';

/**
 * Applies one `node.changed` event to the cache: a deleted node leaves it (queries on screen are asked
 * again, so the open value says it is gone); a created node or changed child list refreshes the levels it
 * shows in, whose order only the store knows; a data change refreshes that node's value only.
 */
export function applyNodeChange(
  queryClient: QueryClient,
  connectionId: string,
  path: string,
  type: NodeChangeType,
): void {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (type) {
    case 'deleted':
      forgetNode(queryClient, connectionId, path, { refetchShown: true });
      return;
    case 'created': {
      const parent = parentPath(path);
      if (parent !== null) invalidate(queryKeys.children(connectionId, parent));
      invalidate(queryKeys.node(connectionId, path));
      return;
    }
    case 'children':
      // The node's own stat (child count, children version) moved with its list.
      invalidate(queryKeys.children(connectionId, path));
      invalidate(queryKeys.nodeValues(connectionId, path));
      return;
    case 'data':
      void refreshNodeValue(queryClient, connectionId, path);
  }
}
