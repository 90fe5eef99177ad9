import { useEffect } from 'react';
import { usePalette } from './palette-context.js';

/** Records the node the browser has open as the connection's most recent one, each time it changes. */
export function useRecordRecentNode(connectionId: string, path: string | null): void {
  const { recordNode } = usePalette();
  useEffect(() => {
    if (path !== null) recordNode(connectionId, path);
  }, [recordNode, connectionId, path]);
}
