import type { SearchProgress } from '../../../shared/model/search.js';

/**
 * The later of two reports on one search: a page read before an event may answer after it, and must not
 * bring a finished search back to "running" or its counts back down.
 */
export function laterProgress(known: SearchProgress | null, next: SearchProgress): SearchProgress {
  if (known === null || known.searchId !== next.searchId) return next;
  if (known.state !== 'running' && next.state === 'running') return known;
  if (known.state === 'running' && next.state !== 'running') return next;
  return next.scanned >= known.scanned && next.elapsedMs >= known.elapsedMs ? next : known;
}
