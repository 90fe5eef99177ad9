import { useQueryClient } from '@tanstack/react-query';
import { parentPath } from '../../../shared/paths.js';
import { queryKeys } from './query-keys.js';
import { useEvent } from './useEvent.js';

/**
 * Turns `node.changed` events of the open connection into query invalidations, so open values and
 * expanded levels refresh. The value editor decides itself whether to adopt a refreshed value.
 */
export function useNodeChangeInvalidation(connectionId: string): void {
  const queryClient = useQueryClient();
  useEvent('node.changed', ({ connectionId: id, path, type }) => {
    if (id !== connectionId) return;
    const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
    if (type === 'children') {
      invalidate(queryKeys.children(connectionId, path));
      invalidate(queryKeys.node(connectionId, path));
      return;
    }
    invalidate(queryKeys.node(connectionId, path));
    const parent = parentPath(path);
    // Data changes alter the size shown in the parent's list; create/delete alter the list itself.
    if (parent) invalidate(queryKeys.children(connectionId, parent));
    if (type !== 'data') invalidate(queryKeys.children(connectionId, path));
  });
}
