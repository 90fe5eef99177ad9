import type { StreamEvent, StreamFilter } from '../../../shared/model/event-stream.js';
import { globToRegExp } from '../sync/ignore.glob.js';

/**
 * The predicate of a stream read: a path glob (`/app/**`, `*.json` at any depth) and a set of types; an
 * empty filter accepts everything. Connection events pass any path glob: a gap concerns every path.
 */
export function streamFilter(filter: StreamFilter): (event: StreamEvent) => boolean {
  const glob = filter.pathGlob?.trim() ?? '';
  const pattern = glob === '' ? null : globToRegExp(glob);
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  return (event) => {
    if (types !== null && !types.has(event.type)) return false;
    if (pattern === null) return true;
    const connectionEvent = event.type === 'disconnected' || event.type === 'reconnected';
    return connectionEvent || pattern.test(event.path);
  };
}
