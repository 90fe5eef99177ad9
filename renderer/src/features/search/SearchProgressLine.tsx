import { useFormat } from '../../i18n/useFormat.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';
import { useTranslation } from 'react-i18next';
import type { SearchProgress } from '../../../../shared/model/search.js';

/** How far the search got: state, nodes scanned, matches, binary values skipped, time, and its notes. */
export function SearchProgressLine({ progress }: { progress: SearchProgress }) {
  const format = useFormat();
  const say = useCoreSentence();

  const { t } = useTranslation('search');

  return (
    <div className="search-progress" data-testid="search-progress" data-state={progress.state}>
      <div className="search-progress-line">
        <b data-testid="search-state">{t(`searchProgressLine.state.${progress.state}`)}</b>
        <span data-testid="search-scanned">
          {t('searchProgressLine.nodesScanned', {
            count: progress.scanned,
            n: format.count(progress.scanned),
          })}
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
        <span className="muted">{format.elapsed(progress.elapsedMs)}</span>
      </div>
      {progress.truncated && (
        <div className="notice notice-warn" data-testid="search-truncated">
          {t('searchProgressLine.theSearchStoppedAt', { n: format.count(progress.matched) })}
        </div>
      )}
      {progress.notes.map((note, index) => (
        <div key={index} className="search-note muted" data-testid="search-note">
          {say(note)}
        </div>
      ))}
    </div>
  );
}
