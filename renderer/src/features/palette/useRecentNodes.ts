import { useCallback, useEffect, useState } from 'react';
import {
  parseRecentNodes,
  RECENT_NODES_STORAGE_KEY,
  withRecentNode,
  type RecentNodes,
} from './recent-nodes.js';

function stored(): RecentNodes {
  try {
    return parseRecentNodes(window.localStorage.getItem(RECENT_NODES_STORAGE_KEY));
  } catch {
    return {}; // storage refused (a locked-down profile): kept in memory only
  }
}

/** The window's recent nodes per connection, kept in localStorage so that a reload keeps them. */
export function useRecentNodes(): {
  recent: RecentNodes;
  record: (connectionId: string, path: string) => void;
} {
  const [recent, setRecent] = useState<RecentNodes>(stored);
  useEffect(() => {
    try {
      window.localStorage.setItem(RECENT_NODES_STORAGE_KEY, JSON.stringify(recent));
    } catch {
      // kept in memory only
    }
  }, [recent]);
  const record = useCallback(
    (connectionId: string, path: string) => setRecent((before) => withRecentNode(before, connectionId, path)),
    [],
  );
  return { recent, record };
}
