import type { SearchProgress } from '../../../../shared/model/search.js';
import { countOf, formatCount } from '../../lib/format-bytes.js';

const STATE_LABELS: Record<SearchProgress['state'], string> = {
  running: 'Searching…',
  done: 'Done.',
  cancelled: 'Cancelled.',
  failed: 'Failed.',
};

/** Milliseconds below a second, seconds with one decimal below a minute, else minutes and seconds. */
function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** How far the search got: state, nodes scanned, matches, binary values skipped, time, and its notes. */
export function SearchProgressLine({ progress }: { progress: SearchProgress }) {
  return (
    <div className="search-progress" data-testid="search-progress" data-state={progress.state}>
      <div className="search-progress-line">
        <b data-testid="search-state">{STATE_LABELS[progress.state]}</b>
        <span data-testid="search-scanned">{countOf(progress.scanned, 'node', 'nodes')} scanned</span>
        <span data-testid="search-matched" data-count={progress.matched}>
          {countOf(progress.matched, 'match', 'matches')}
        </span>
        {progress.skippedBinary > 0 && (
          <span data-testid="search-skipped" title="Binary values are not searched by value">
            {formatCount(progress.skippedBinary)} binary {progress.skippedBinary === 1 ? 'value' : 'values'}{' '}
            skipped
          </span>
        )}
        <span className="muted">{formatElapsed(progress.elapsedMs)}</span>
      </div>
      {progress.truncated && (
        <div className="notice notice-warn" data-testid="search-truncated">
          The search stopped at {formatCount(progress.matched)} matches: narrow the path or the pattern to see
          the rest.
        </div>
      )}
      {progress.notes.map((note, index) => (
        <div key={index} className="search-note muted" data-testid="search-note">
          {note}
        </div>
      ))}
    </div>
  );
}
