import type { BackendSession } from './backend.js';
import type { ScannedNode } from './subtree.scan.js';

/**
 * What a driver can offer for path-only searches: the server's own search by name (Nacos's config search),
 * so only candidates travel. It may answer more than matches (the search filters again), never less.
 */
export interface NameSearcher {
  /** Whether the server can answer this substring exactly or with more (not less); false falls back to a scan. */
  canSearchNames(text: string, caseSensitive: boolean): boolean;
  /** The nodes below `path` whose name below it may contain `text`, with folders. */
  searchNames(path: string, text: string, signal?: AbortSignal): AsyncIterable<ScannedNode[]>;
  /** One sentence for the search notes: how the server was asked. */
  readonly nameSearchMethod: string;
}

/** Whether a session offers the server-side name search. */
export function hasNameSearch(session: BackendSession): session is BackendSession & NameSearcher {
  return typeof (session as Partial<NameSearcher>).searchNames === 'function';
}
