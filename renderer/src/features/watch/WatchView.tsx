import { useTranslation } from 'react-i18next';
import { useStreamList } from '../../api/useStreams.js';
import { QueryState } from '../../components/QueryState.js';
import type { ActiveSession } from '../session/active-session.js';
import { NewWatchForm } from './NewWatchForm.js';
import { StreamList } from './StreamList.js';
import { StreamPane } from './StreamPane.js';
import { useWatchApi } from './WatchProvider.js';
import './WatchView.css';

/** The Watch tab: the engine's streams on the left (started here or from the tree), the chosen one on the right. */
export function WatchView({ active }: { active: ActiveSession | null }) {
  const { t } = useTranslation('watch');

  const list = useStreamList();
  const { selected, select, available } = useWatchApi();
  const streams = list.data ?? [];
  const shown = streams.find((s) => s.streamId === selected) ?? streams[streams.length - 1] ?? null;
  return (
    <div className="watch-view" data-testid="watch-view">
      <aside className="watch-side">
        {active && available && <NewWatchForm connectionName={active.profile.name} />}
        <div className="caps-title watch-side-title">
          {t('watchView.streams', { length: streams.length })}
        </div>
        <QueryState query={list} loading={t('watchView.loadingStreams')} errorTestId="streams-error">
          {(found) => <StreamList streams={found} selected={shown?.streamId ?? null} onSelect={select} />}
        </QueryState>
      </aside>
      <section className="watch-main">
        {shown ? (
          <StreamPane key={shown.streamId} info={shown} onRemoved={() => select(null)} />
        ) : (
          <div className="empty-state">
            <h2>{t('watchView.noStream')}</h2>
            <span>{t('watchView.typeAPathOn')}</span>
          </div>
        )}
      </section>
    </div>
  );
}
