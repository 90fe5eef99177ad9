import { useEffect } from 'react';
import { usePalette } from './palette-context.js';

/**
 * How long a node stays open before it counts as visited. Walking the tree with the arrow keys opens every
 * node passed on the way; only the one the operator stops at belongs among the recent nodes.
 */
export const RECENT_NODE_DWELL_MS = 800;

/** Records the node the browser has open as the connection's most recent one, once it has stayed open. */
export function useRecordRecentNode(connectionId: string, path: string | null): void {
  const { recordNode } = usePalette();
  useEffect(() => {
    if (path === null) return;
    const timer = setTimeout(() => recordNode(connectionId, path), RECENT_NODE_DWELL_MS);
    return () => clearTimeout(timer);
  }, [recordNode, connectionId, path]);
}
