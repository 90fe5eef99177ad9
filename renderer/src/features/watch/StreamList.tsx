import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { StreamInfo } from '../../../../shared/model/event-stream.js';

/** The streams of the engine, one tab each: path, connection, state and count. */
export function StreamList({
  streams,
  selected,
  onSelect,
}: {
  streams: readonly StreamInfo[];
  selected: string | null;
  onSelect: (streamId: string) => void;
}) {
  const format = useFormat();
  const { t } = useTranslation('watch');

  // A tab list holds tabs: with no stream yet it is a plain box with the empty note.
  return (
    <div
      className="stream-list"
      role={streams.length > 0 ? 'tablist' : undefined}
      aria-label={streams.length > 0 ? t('streamList.streams') : undefined}
    >
      {streams.map((stream) => (
        <button
          key={stream.streamId}
          role="tab"
          aria-selected={stream.streamId === selected}
          className="stream-tab"
          data-testid="stream-tab"
          data-stream-id={stream.streamId}
          data-path={stream.path}
          data-state={stream.state}
          onClick={() => onSelect(stream.streamId)}
        >
          <span className="stream-tab-line">
            <span
              className="status-dot"
              data-state={stream.state === 'running' ? 'ok' : stream.state === 'failed' ? 'bad' : 'idle'}
            />
            <span className="mono stream-tab-path">{stream.path}</span>
            <span className="stream-tab-count">{format.count(stream.total)}</span>
          </span>
          <span className="stream-tab-sub faint">
            {stream.connectionName} · {stream.recursive ? t('streamList.subtree') : t('streamList.node')} ·{' '}
            {t(`streamState.${stream.state}`)}
          </span>
        </button>
      ))}
      {streams.length === 0 && <div className="muted pad">{t('streamList.noStreamYet')}</div>}
    </div>
  );
}
