/** The last nodes opened in the browser, per connection id, newest first. */
export type RecentNodes = Readonly<Record<string, readonly string[]>>;

/** How many nodes are remembered per connection. */
export const MAX_RECENT_NODES = 8;

/** Where the window keeps them between reloads. */
export const RECENT_NODES_STORAGE_KEY = 'configdeck:recent-nodes';

/** The list with `path` first on `connectionId` (once), the root left out: it is where every browser starts. */
export function withRecentNode(recent: RecentNodes, connectionId: string, path: string): RecentNodes {
  if (path === '/') return recent;
  const before = recent[connectionId] ?? [];
  if (before[0] === path) return recent;
  const after = [path, ...before.filter((p) => p !== path)].slice(0, MAX_RECENT_NODES);
  return { ...recent, [connectionId]: after };
}

/** The stored lists, or none when the text is missing or not what was stored. */
export function parseRecentNodes(text: string | null): RecentNodes {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: Record<string, string[]> = {};
    for (const [id, paths] of Object.entries(value)) {
      if (!Array.isArray(paths)) continue;
      const valid = paths.filter((p): p is string => typeof p === 'string' && p.startsWith('/'));
      out[id] = valid.slice(0, MAX_RECENT_NODES);
    }
    return out;
  } catch {
    return {};
  }
}
