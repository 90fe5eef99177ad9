import type { StreamEvent, StreamValue } from '../../../../shared/model/event-stream.js';
import type { TFunction } from 'i18next';
import type { LocaleFormats } from '../../i18n/locale-formats.js';

/** A connection's own event (a loss, its end, a note), shown across the whole row. */
export function isConnectionEvent(event: StreamEvent): boolean {
  return event.type === 'disconnected' || event.type === 'reconnected' || event.type === 'note';
}

/** Local time of day with milliseconds: `12:03:04.120`. */
export function clockTime(timeMs: number): string {
  const date = new Date(timeMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Local time of day to the second: `12:03:04`. */
export function clockSeconds(timeMs: number): string {
  return clockTime(timeMs).slice(0, 8);
}

/** The size column of a value: `—` when none, `?` when not known, else its size. */
export function valueSize(value: StreamValue | null, format: LocaleFormats, known = true): string {
  if (!known) return '?';
  if (value === null) return '—';
  return format.bytes(value.size);
}

/**
 * The sentence of a connection event's row. A reconnection names the gap it closes, from the latest loss
 * before it: `disconnected 12:03:04 – 12:03:09 · events in the gap may be missing`.
 */
export function connectionSentence(
  event: StreamEvent,
  lossStartedAt: number | null,
  t: TFunction<'watch'>,
  say: (text: string) => string,
): string {
  // A store that names the gap itself (`disconnected 12:03:04 – 12:03:09; …`) is shown as it says it.
  if (event.detail && /^disconnected\b/i.test(event.detail)) return say(event.detail);
  const detail = event.detail ? t('eventLine.detail', { detail: say(event.detail) }) : '';
  const time = clockSeconds(event.time);
  if (event.type === 'disconnected') return t('eventLine.disconnected', { time }) + detail;
  if (event.type === 'reconnected') {
    const back =
      lossStartedAt === null
        ? t('eventLine.reconnected', { time })
        : t('eventLine.gap', { from: clockSeconds(lossStartedAt), time });
    return back + detail;
  }
  return event.detail ? say(event.detail) : t('eventType.note');
}

/** For each reconnection among `events` (oldest first), the time of the loss it ends, by sequence number. */
export function lossStarts(events: readonly StreamEvent[]): Map<number, number> {
  const starts = new Map<number, number>();
  let lostAt: number | null = null;
  for (const event of events) {
    if (event.type === 'disconnected') lostAt ??= event.time;
    else if (event.type === 'reconnected') {
      if (lostAt !== null) starts.set(event.seq, lostAt);
      lostAt = null;
    }
  }
  return starts;
}
