import { isAppError } from '../../../../shared/errors.js';
import type { DiagnosticNote, WatchersReport } from '../../../../shared/model/diagnostics.js';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import type { HistoryApi, ListenerApi, WatchersApi } from '../backend.js';
import { listenerWatchers, type HistoryContent } from './nacos.watchers.join.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/** Where a config's history comes from, and what its rows hold. */
export interface WatchersHistory {
  api: HistoryApi;
  content: HistoryContent;
}

/**
 * Who listens to a config (Nacos's listener query, GET /v1/cs/configs/listener): each client IP with the
 * md5 it holds, current or stale against the config's md5, and for a stale one the history row that
 * published what it holds ("10.1.2.3 still holds the version published at 14:02 by alice"). One cheap
 * query (and the history when a client is stale): no confirmation needed.
 */
export class NacosWatchers implements WatchersApi {
  constructor(
    private readonly listeners: ListenerApi,
    private readonly history: WatchersHistory | null,
  ) {}

  async query(path: string, _confirmed: boolean): Promise<WatchersReport> {
    const report = await this.listeners.query(path);
    const notes: DiagnosticNote[] = [];
    let entries: HistoryEntry[] | null = null;
    const stale = report.listeners.some((l) => l.md5 !== report.currentMd5);
    if (stale && this.history !== null) {
      try {
        entries = (await this.history.api.list(path, 100)).entries;
      } catch (error) {
        const why = isAppError(error) ? error.message : String(error);
        notes.push({
          message: say(NACOS_SENTENCES, 'historyUnreadable', { path, why }),
          fix: null,
        });
      }
    }
    if (report.listeners.length === 0) {
      notes.push({
        message: say(NACOS_SENTENCES, 'noClientListens', { path }),
        fix: null,
      });
    }
    if (report.currentMd5 === null) {
      notes.push({ message: say(NACOS_SENTENCES, 'configGone', { path }), fix: null });
    }
    return {
      path,
      available: true,
      reason: null,
      cost: null,
      watchers: listenerWatchers(report, entries, this.history?.content ?? 'published', Date.now()),
      notes,
    };
  }
}
