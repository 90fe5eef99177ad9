import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchMatch, SearchProgress, SearchRequest } from '../../../shared/model/search.js';
import { useClient } from '../transport/ClientContext.js';
import { laterProgress } from './search-progress.js';
import { useEvent } from './useEvent.js';

/** Matches read per `search.result` call. */
const PAGE = 500;
/** While a search runs, its matches are also read this often, in case an event was pushed before its id was known. */
const POLL_MS = 1000;

/** What the Search tab shows of the search it started last. */
export interface SearchRun {
  searchId: string | null;
  request: SearchRequest | null;
  progress: SearchProgress | null;
  /** In the order found; only paths and excerpts, at most the request's maxMatches. */
  matches: readonly SearchMatch[];
  /** Why it could not start, or a page could not be read (an invalid pattern, a dead server). */
  error: unknown;
  starting: boolean;
}

const IDLE: SearchRun = {
  searchId: null,
  request: null,
  progress: null,
  matches: [],
  error: null,
  starting: false,
};

/** What the reading loop of the current search keeps between calls (not shown, so not state). */
interface Reader {
  searchId: string | null;
  /** Matches read so far (the next page's offset). */
  read: number;
  reading: boolean;
  /** Something arrived while a page was being read: read once more. */
  again: boolean;
  /** Cancel was pressed before the core answered with the search's id. */
  cancelled: boolean;
}

const newReader = (): Reader => ({ searchId: null, read: 0, reading: false, again: false, cancelled: false });

/**
 * One search at a time in the background: start it, follow `search.progress` events by reading the new
 * matches page by page (offset = matches read), cancel it. A new search or leaving forgets the old one
 * in the core.
 */
export function useSearch() {
  const client = useClient();
  const [run, setRun] = useState<SearchRun>(IDLE);
  const reader = useRef<Reader>(newReader());

  const readMore = useCallback(
    async (searchId: string) => {
      const live = reader.current;
      if (live.searchId !== searchId) return;
      if (live.reading) {
        live.again = true;
        return;
      }
      live.reading = true;
      try {
        do {
          live.again = false;
          const page = await client.call('search.result', { searchId, offset: live.read, limit: PAGE });
          if (reader.current !== live || live.searchId !== searchId) return;
          live.read += page.matches.length;
          // A full page, or fewer read than found: more are waiting.
          if (
            page.matches.length === PAGE ||
            (page.matches.length > 0 && page.progress.matched > live.read)
          ) {
            live.again = true;
          }
          setRun((known) =>
            known.searchId !== searchId
              ? known
              : {
                  ...known,
                  progress: laterProgress(known.progress, page.progress),
                  matches: page.matches.length === 0 ? known.matches : [...known.matches, ...page.matches],
                },
          );
        } while (live.again);
      } catch (error) {
        if (live.searchId === searchId) setRun((known) => ({ ...known, error }));
      } finally {
        live.reading = false;
      }
    },
    [client],
  );

  const forget = useCallback(
    (searchId: string | null) => {
      if (searchId !== null) void client.call('search.remove', { searchId }).catch(() => undefined);
    },
    [client],
  );

  const start = useCallback(
    async (request: SearchRequest) => {
      forget(reader.current.searchId);
      const live = newReader();
      reader.current = live;
      setRun({ ...IDLE, request, starting: true });
      try {
        const { searchId } = await client.call('search.start', request);
        if (reader.current !== live) return forget(searchId);
        live.searchId = searchId;
        setRun({ ...IDLE, request, searchId });
        if (live.cancelled) await client.call('search.cancel', { searchId });
        await readMore(searchId);
      } catch (error) {
        if (reader.current === live) setRun({ ...IDLE, request, error });
      }
    },
    [client, forget, readMore],
  );

  const cancel = useCallback(async () => {
    const searchId = reader.current.searchId;
    if (searchId === null) {
      reader.current.cancelled = true;
      return;
    }
    try {
      await client.call('search.cancel', { searchId });
      await readMore(searchId);
    } catch (error) {
      setRun((known) => (known.searchId === searchId ? { ...known, error } : known));
    }
  }, [client, readMore]);

  useEvent('search.progress', (progress) => {
    const live = reader.current;
    if (progress.searchId !== live.searchId) return;
    setRun((known) =>
      known.searchId === progress.searchId
        ? { ...known, progress: laterProgress(known.progress, progress) }
        : known,
    );
    if (progress.matched > live.read || progress.state !== 'running') void readMore(progress.searchId);
  });

  const running = run.searchId !== null && (run.progress === null || run.progress.state === 'running');
  useEffect(() => {
    if (!running || run.searchId === null) return;
    const searchId = run.searchId;
    const timer = setInterval(() => void readMore(searchId), POLL_MS);
    return () => clearInterval(timer);
  }, [running, run.searchId, readMore]);

  // Leaving the window forgets the search in the core (its matches are held there until removed).
  useEffect(() => () => forget(reader.current.searchId), [forget]);

  return { run, running: running || run.starting, start, cancel };
}
