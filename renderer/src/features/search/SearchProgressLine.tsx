import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { SearchProgress } from '../../../../shared/model/search.js';

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
  const format = useFormat();

  const { t } = useTranslation('search');

  return (
    <div className="search-progress" data-testid="search-progress" data-state={progress.state}>
      <div className="search-progress-line">
        <b data-testid="search-state">{STATE_LABELS[progress.state]}</b>
        <span data-testid="search-scanned">
          {t('searchProgressLine.nodes', { count: progress.scanned, n: format.count(progress.scanned) })}{' '}
          {t('searchProgressLine.scanned')}
        </span>
        <span data-testid="search-matched" data-count={progress.matched}>
          {t('searchProgressLine.matches', { count: progress.matched, n: format.count(progress.matched) })}
        </span>
        {progress.skippedBinary > 0 && (
          <span data-testid="search-skipped" title={t('searchProgressLine.binaryValuesAreNot')}>
            {t('searchProgressLine.binaryValuesSkipped', {
              count: progress.skippedBinary,
              n: format.count(progress.skippedBinary),
            })}
          </span>
        )}
        <span className="muted">{formatElapsed(progress.elapsedMs)}</span>
      </div>
      {progress.truncated && (
        <div className="notice notice-warn" data-testid="search-truncated">
          {t('searchProgressLine.theSearchStoppedAt', { n: format.count(progress.matched) })}
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
