import type { Watcher } from '../../../../shared/model/diagnostics.js';
import type { HistoryEntry, ListenerReport } from '../../../../shared/model/history.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/**
 * What the content of a history row is: the version that row's operation published (r-nacos's console
 * history), or as Nacos's v1 history stores it, the content written for an insert and the content
 * replaced for an update or a delete.
 */
export type HistoryContent = 'published' | 'nacos-v1';

/** The history row whose operation published the version with `md5`; null when the history does not reach it. */
export function publisherOf(
  entries: readonly HistoryEntry[],
  md5: string,
  content: HistoryContent,
): HistoryEntry | null {
  const newestFirst = [...entries].sort((a, b) => {
    const [at, bt] = [a.time ?? '', b.time ?? ''];
    return at === bt ? 0 : at < bt ? 1 : -1;
  });
  const index = newestFirst.findIndex((entry) => entry.md5 === md5);
  if (index < 0) return null;
  const row = newestFirst[index]!;
  if (content === 'published' || row.operation === 'create') return row;
  // A v1 update or delete row holds the content it replaced: the row before it in time published it.
  const older = newestFirst[index + 1];
  return older !== undefined && older.operation !== 'delete' ? older : null;
}

/** `14:02` today, `2026-12-01 14:02` on another day (local time, as an operator reads it). */
export function publishTime(iso: string, now: number): string {
  const date = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}`;
  const today = new Date(now);
  const sameDay =
    date.getFullYear() === today.getFullYear() &&
    date.getMonth() === today.getMonth() &&
    date.getDate() === today.getDate();
  return sameDay
    ? clock
    : `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clock}`;
}

function staleDetail(
  client: string,
  holds: string,
  history: readonly HistoryEntry[] | null,
  publisher: HistoryEntry | null,
  now: number,
): string {
  if (holds === '') return say(NACOS_SENTENCES, 'holdsNoVersion', { client });
  const md5 = holds.slice(0, 8);
  if (history === null) return say(NACOS_SENTENCES, 'holdsMd5NoHistory', { client, md5 });
  if (publisher === null) return say(NACOS_SENTENCES, 'holdsMd5BeyondHistory', { client, md5 });
  const author = publisher.author ?? '';
  if (publisher.time === null) {
    return author === ''
      ? say(NACOS_SENTENCES, 'holdsPublishedUnknown', { client })
      : say(NACOS_SENTENCES, 'holdsPublishedUnknownBy', { client, author });
  }
  const time = publishTime(publisher.time, now);
  return author === ''
    ? say(NACOS_SENTENCES, 'holdsPublished', { client, time })
    : say(NACOS_SENTENCES, 'holdsPublishedBy', { client, time, author });
}

/**
 * The listeners of a config as watchers: each client IP with the md5 it holds, marked current or stale
 * against the config's md5, a stale one named by the history row that published what it holds.
 */
export function listenerWatchers(
  report: ListenerReport,
  history: readonly HistoryEntry[] | null,
  content: HistoryContent,
  now: number,
): Watcher[] {
  return report.listeners.map(({ client, md5 }) => {
    const current = report.currentMd5 !== null && md5 === report.currentMd5;
    const publisher = current || history === null ? null : publisherOf(history, md5, content);
    return {
      sessionId: null,
      client,
      member: null,
      kind: 'listener',
      watchedPath: report.path,
      holds: md5,
      current,
      detail: current
        ? say(NACOS_SENTENCES, 'holdsCurrent', { client })
        : staleDetail(client, md5, history, publisher, now),
    };
  });
}
