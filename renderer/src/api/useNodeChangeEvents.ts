import { useQueryClient } from '@tanstack/react-query';
import { applyNodeChange } from './node-change.js';
import { useEvent } from './useEvent.js';

/**
 * Applies the `node.changed` events of the open connection to the cache, so open values and expanded
 * levels follow the store. The value editor decides itself whether to adopt a refreshed value.
 */
export function useNodeChangeEvents(connectionId: string): void {
  const queryClient = useQueryClient();
  useEvent('node.changed', ({ connectionId: id, path, type }) => {
    if (id === connectionId) applyNodeChange(queryClient, connectionId, path, type);
  });
}
