import { useTranslation } from 'react-i18next';
import { memo, useMemo, useRef } from 'react';
import type { StreamEvent, StreamMarkKind } from '../../../../shared/model/event-stream.js';
import { ROW_HEIGHT, useRowVirtualizer } from '../../hooks/useRowVirtualizer.js';
import { clockTime, connectionSentence, isConnectionEvent, lossStarts, valueSize } from './event-row.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';
import { useFormat } from '../../i18n/useFormat.js';

interface Props {
  /** Oldest first; shown newest first. */
  events: readonly StreamEvent[];
  markKind: StreamMarkKind | null;
  selectedSeq: number | null;
  onOpen: (event: StreamEvent) => void;
  /** Shown when there is no event (waiting, or nothing matches the filter). */
  empty: string;
}

const EventLine = memo(function EventLine({
  event,
  top,
  selected,
  lossStartedAt,
  onOpen,
}: {
  event: StreamEvent;
  top: number;
  selected: boolean;
  lossStartedAt: number | null;
  onOpen: (event: StreamEvent) => void;
}) {
  const { t } = useTranslation('watch');
  const say = useCoreSentence();
  const format = useFormat();

  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (isConnectionEvent(event)) {
    return (
      <div
        className="virtual-line event-line event-line-connection"
        style={style}
        data-testid="stream-event"
        data-seq={event.seq}
        data-type={event.type}
        data-path={event.path}
        role="button"
        tabIndex={-1}
        title={event.detail !== null ? say(event.detail) : undefined}
        onClick={() => onOpen(event)}
      >
        <span className="event-time mono">{clockTime(event.time)}</span>
        <span className={`event-connection event-connection-${event.type}`}>
          {connectionSentence(event, lossStartedAt, t, say)}
        </span>
      </div>
    );
  }
  return (
    <div
      className={`virtual-line event-line${selected ? ' event-line-selected' : ''}`}
      style={style}
      data-testid="stream-event"
      data-seq={event.seq}
      data-type={event.type}
      data-path={event.path}
      role="button"
      tabIndex={-1}
      title={
        event.detail === null
          ? t('eventLine.showTheValueBefore')
          : `${say(event.detail)} · ${t('eventLine.showTheValueBefore')}`
      }
      onClick={() => onOpen(event)}
    >
      <span className="event-time mono">{clockTime(event.time)}</span>
      <span className="event-mark mono" title={event.mark ?? undefined}>
        {event.mark ?? '—'}
      </span>
      <span className="event-type" data-type={event.type}>
        {t(`eventType.${event.type}`)}
      </span>
      <span className="event-path mono" title={event.path}>
        {event.path}
      </span>
      <span className="event-version mono">{event.version ?? '—'}</span>
      <span className="event-size">{valueSize(event.before, format, event.beforeKnown)}</span>
      <span className="event-size">{valueSize(event.after, format)}</span>
    </div>
  );
});

/**
 * The events of a stream, newest on top, virtualized: only the lines in view exist in the page. Memoized:
 * the stream's counts change with every push, the table only when its events do.
 */
export const EventTable = memo(function EventTable({ events, markKind, selectedSeq, onOpen, empty }: Props) {
  const { t } = useTranslation('watch');

  const scrollRef = useRef<HTMLDivElement>(null);
  const count = events.length;
  const at = (index: number) => events[count - 1 - index];
  const virtualizer = useRowVirtualizer(count, scrollRef, (index) => String(at(index)?.seq ?? index));
  const hasConnectionEvents = useMemo(() => events.some((e) => e.type === 'reconnected'), [events]);
  const starts = useMemo(
    () => (hasConnectionEvents ? lossStarts(events) : new Map<number, number>()),
    [events, hasConnectionEvents],
  );
  return (
    <div className="event-table" data-testid="stream-events" data-count={count}>
      <div className="event-line event-head">
        <span className="event-time">{t('eventTable.time')}</span>
        <span className="event-mark">{markKind ? t(`markKind.${markKind}`) : t('eventTable.mark')}</span>
        <span className="event-type">{t('eventTable.type')}</span>
        <span className="event-path">{t('eventTable.path')}</span>
        <span className="event-version">{t('eventTable.version')}</span>
        <span className="event-size">{t('eventTable.before')}</span>
        <span className="event-size">{t('eventTable.after')}</span>
      </div>
      <div ref={scrollRef} className="virtual-scroll event-scroll">
        {count === 0 && <div className="muted pad">{empty}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = at(item.index);
            if (!event) return null;
            return (
              <EventLine
                key={item.key}
                event={event}
                top={item.start}
                selected={event.seq === selectedSeq}
                lossStartedAt={starts.get(event.seq) ?? null}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
