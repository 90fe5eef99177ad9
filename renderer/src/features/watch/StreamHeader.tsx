import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import type { StreamInfo } from '../../../../shared/model/event-stream.js';
import { STREAM_CHANGE_TYPES } from '../../../../shared/model/event-stream.js';
import { Button } from '../../components/Button.js';
import type { EventRate } from './event-rate.js';
import { clockSeconds } from './event-row.js';
import { RateChart } from './RateChart.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** A stream's facts: what is watched and how, its state and failure, its counts, its rate. */
export function StreamHeader({
  info,
  rate,
  onStop,
  onRemove,
}: {
  info: StreamInfo;
  rate: EventRate;
  onStop: () => void;
  onRemove: () => void;
}) {
  const format = useFormat();

  const { t } = useTranslation('watch');
  const say = useCoreSentence();

  const connectionEvents = (info.counts.disconnected ?? 0) + (info.counts.reconnected ?? 0);
  return (
    <div className="stream-header">
      <div className="stream-header-main">
        <div className="stream-title">
          <span className="mono stream-path" data-testid="stream-path">
            {info.path}
          </span>
          <span className="badge">{info.recursive ? t('streamHeader.subtree') : t('streamHeader.node')}</span>
          <span className="stream-state" data-testid="stream-state" data-state={info.state}>
            <span
              className="status-dot"
              data-state={info.state === 'running' ? 'ok' : info.state === 'failed' ? 'bad' : 'idle'}
            />
            {t(`streamState.${info.state}`)}
          </span>
          {info.state === 'running' ? (
            <Button
              small
              testId="stream-stop"
              onClick={onStop}
              title={t('streamHeader.stopWatchingTheEvents')}
            >
              {t('streamHeader.stop')}
            </Button>
          ) : (
            <Button
              small
              tone="danger"
              testId="stream-remove"
              onClick={onRemove}
              title={t('streamHeader.forgetThisStreamAnd')}
            >
              {t('streamHeader.remove')}
            </Button>
          )}
        </div>
        <div className="muted stream-sub">
          {info.connectionName} ·{' '}
          <span data-testid="stream-method">
            {info.method ? say(info.method) : t('streamHeader.starting')}
          </span>{' '}
          {t('streamHeader.since', { clockSeconds: clockSeconds(info.startedAt) })}
        </div>
        {info.note && (
          <div className="stream-note warn-text" data-testid="stream-note">
            {say(info.note)}
          </div>
        )}
        {info.error && (
          <div className="stream-error" data-testid="stream-error">
            {say(info.error)}
          </div>
        )}
      </div>
      <div className="stream-counts" data-testid="stream-counts">
        <span data-testid="stream-total" data-total={info.total}>
          <b>{format.count(info.total)}</b> <span className="muted">{t('streamHeader.events')}</span>
        </span>
        {STREAM_CHANGE_TYPES.map((type) => (
          <span
            key={type}
            className="stream-count"
            data-testid="stream-count"
            data-type={type}
            data-count={info.counts[type] ?? 0}
          >
            <span className="event-type" data-type={type}>
              {t(`eventType.${type}`)}
            </span>{' '}
            {format.count(info.counts[type] ?? 0)}
          </span>
        ))}
        {connectionEvents > 0 && (
          <span className="stream-count muted">
            {t('streamHeader.connectionEvents', {
              count: connectionEvents,
              n: format.count(connectionEvents),
            })}
          </span>
        )}
        <span
          className={info.dropped > 0 ? 'warn-text' : 'faint'}
          data-testid="stream-dropped"
          data-dropped={info.dropped}
          title={t('streamHeader.theRingKeepsThe', { n: format.count(info.capacity) })}
        >
          {t('streamHeader.droppedRingOf', {
            n: format.count(info.dropped),
            n2: format.count(info.capacity),
          })}
        </span>
      </div>
      <RateChart rate={rate} />
    </div>
  );
}
