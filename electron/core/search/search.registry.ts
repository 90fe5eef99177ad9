import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type {
  SearchMatch,
  SearchProgress,
  SearchRequestParsed,
  SearchResult,
  SearchState,
} from '../../../shared/model/search.js';
import { toAppError } from '../api/to-app-error.js';
import { openSourceRef } from '../compare/source.open.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { EventBus } from '../events/event.bus.js';
import { throttled } from '../sync/job.js';
import { NodeMatcher } from './node.matcher.js';
import { binaryNote, truncatedNote } from './search.notes.js';
import { searchWalk } from './search.walk.js';
import { emptyCounts, runSearch, type SearchCounts } from './search.run.js';

/** Finished searches kept readable; the oldest goes first past this. */
const KEEP_FINISHED = 20;
/** At most one progress event per search in this interval (~4 a second); the last one always goes. */
const PROGRESS_INTERVAL_MS = 250;
/** How long closing waits for cancelled searches to end. */
const CLOSE_WAIT_MS = 2000;

interface SearchRecord {
  progress: SearchProgress;
  matches: SearchMatch[];
  controller: AbortController;
  startedAt: number;
  /** Settles when the search ended (whatever the outcome). */
  finished: Promise<void>;
}

export interface SearchRegistryOptions {
  connections: ConnectionService;
  events: EventBus;
}

/**
 * The searches of one engine: each runs in the background over a connection's subtree or a snapshot
 * file, streams its counts as `search.progress` events and keeps its matches (paths and excerpts, at
 * most maxMatches) for `search.result`. Finished searches are kept until KEEP_FINISHED newer ones ended.
 */
export class SearchRegistry {
  private readonly searches = new Map<string, SearchRecord>();
  private readonly finishedOrder: string[] = [];

  constructor(private readonly options: SearchRegistryOptions) {}

  /** Starts a search; INVALID_INPUT at once for a pattern that does not compile. */
  start(request: SearchRequestParsed): { searchId: string } {
    const matcher = NodeMatcher.compile(request);
    const searchId = randomUUID();
    const controller = new AbortController();
    const record: SearchRecord = {
      progress: {
        searchId,
        state: 'running',
        scanned: 0,
        matched: 0,
        skippedBinary: 0,
        truncated: false,
        elapsedMs: 0,
        error: null,
        notes: [],
      },
      matches: [],
      controller,
      startedAt: Date.now(),
      finished: Promise.resolve(),
    };
    this.searches.set(searchId, record);
    record.finished = this.run(record, request, matcher);
    return { searchId };
  }

  /** The search's progress and its matches from `offset`; NOT_FOUND for an unknown or forgotten one. */
  result(searchId: string, offset: number, limit: number): SearchResult {
    const record = this.record(searchId);
    return { progress: this.snapshot(record), matches: record.matches.slice(offset, offset + limit) };
  }

  /** Stops a running search; false when it already ended. */
  cancel(searchId: string): boolean {
    const record = this.record(searchId);
    if (record.progress.state !== 'running') return false;
    record.controller.abort();
    return true;
  }

  /** Forgets a search (cancelling it first when it still runs). */
  remove(searchId: string): boolean {
    const record = this.searches.get(searchId);
    if (record === undefined) return false;
    record.controller.abort();
    this.searches.delete(searchId);
    const at = this.finishedOrder.indexOf(searchId);
    if (at !== -1) this.finishedOrder.splice(at, 1);
    return true;
  }

  /**
   * Cancels every running search and waits a little for them to end (the engine closes). A search still
   * connecting cannot be interrupted: it is not waited for past CLOSE_WAIT_MS, its session closes with the rest.
   */
  async close(): Promise<void> {
    const running = [...this.searches.values()];
    for (const record of running) record.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([Promise.allSettled(running.map((record) => record.finished)), waited]);
    clearTimeout(timer);
  }

  private record(searchId: string): SearchRecord {
    const record = this.searches.get(searchId);
    if (record === undefined) {
      throw new AppError('NOT_FOUND', `There is no search ${searchId} (it ended long ago or was removed).`);
    }
    return record;
  }

  private snapshot(record: SearchRecord): SearchProgress {
    const elapsedMs =
      record.progress.state === 'running' ? Date.now() - record.startedAt : record.progress.elapsedMs;
    return { ...record.progress, elapsedMs, notes: [...record.progress.notes] };
  }

  private async run(record: SearchRecord, request: SearchRequestParsed, matcher: NodeMatcher): Promise<void> {
    const { events } = this.options;
    const progress = record.progress;
    const report = throttled<SearchProgress>(
      (value) => events.emit('search.progress', value),
      PROGRESS_INTERVAL_MS,
    );
    const update = (counts: SearchCounts): void => {
      progress.scanned = counts.scanned;
      progress.matched = counts.matched;
      progress.skippedBinary = counts.skippedBinary;
      progress.truncated = counts.truncated;
      report.push(this.snapshot(record));
    };
    const signal = record.controller.signal;
    const counts = emptyCounts();
    // The final state is set with the final counts and notes at once, so no reader sees it half done.
    let state: SearchState = 'done';
    let failure: SearchProgress['error'] = null;
    try {
      // A search cancelled before its source opened has nothing to walk.
      const source = await openSourceRef(this.options.connections, request.source);
      try {
        const plan = searchWalk(source, request);
        progress.notes.push(plan.note);
        if (signal.aborted) throw new AppError('CANCELLED', 'The operation was cancelled.');
        await runSearch(
          source,
          {
            matcher,
            walk: plan.walk,
            maxMatches: request.maxMatches,
            signal,
            onMatch: (match) => record.matches.push(match),
            onCounts: update,
          },
          counts,
        );
      } finally {
        await source.close();
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === 'CANCELLED' || signal.aborted) state = 'cancelled';
      else {
        state = 'failed';
        failure = { code: error.code, message: error.message };
      }
    }
    const binary = binaryNote(counts.skippedBinary);
    const notes = [...progress.notes, ...(binary === null ? [] : [binary])];
    if (counts.truncated) notes.push(truncatedNote(request.maxMatches));
    Object.assign(progress, counts, {
      state,
      error: failure,
      notes,
      elapsedMs: Date.now() - record.startedAt,
    });
    report.flush(this.snapshot(record));
    this.finish(progress.searchId);
  }

  /** Keeps the finished search readable, dropping the oldest finished one past KEEP_FINISHED. */
  private finish(searchId: string): void {
    if (!this.searches.has(searchId)) return;
    this.finishedOrder.push(searchId);
    while (this.finishedOrder.length > KEEP_FINISHED) this.searches.delete(this.finishedOrder.shift()!);
  }
}
