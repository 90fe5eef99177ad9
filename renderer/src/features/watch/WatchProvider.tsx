import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStartStream } from '../../api/useStreams.js';
import { useToasts } from '../../errors/ToastContext.js';
import type { ActiveSession } from '../session/active-session.js';

export interface WatchApi {
  /** The stream shown in the Watch tab. */
  selected: string | null;
  select: (streamId: string | null) => void;
  /** The open connection can stream (capability `eventStreams`). */
  available: boolean;
  /** Starts a stream of `path` on the open connection and shows it in the Watch tab. */
  watch: (path: string, recursive: boolean, sinceRevision?: string) => void;
  starting: boolean;
}

const WatchContext = createContext<WatchApi | null>(null);

/** Lets the tree and the Watch tab start streams and choose the one shown. */
export function WatchProvider({
  active,
  onShow,
  children,
}: {
  active: ActiveSession | null;
  onShow: () => void;
  children: ReactNode;
}) {
  const [selected, select] = useState<string | null>(null);
  const start = useStartStream();
  const { showError } = useToasts();
  const connectionId = active?.session.connectionId ?? null;
  const available = active?.session.capabilities.eventStreams ?? false;
  const watch = useCallback(
    (path: string, recursive: boolean, sinceRevision?: string) => {
      if (connectionId === null) return;
      start.mutate(
        { connectionId, path, recursive, ...(sinceRevision ? { sinceRevision } : {}) },
        {
          onSuccess: (info) => {
            select(info.streamId);
            onShow();
          },
          onError: (error) => showError(error, `Watch ${path}`),
        },
      );
    },
    // `start.mutate` is stable; the mutation object itself changes with its state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [connectionId, onShow, showError],
  );
  const api = useMemo(
    () => ({ selected, select, available, watch, starting: start.isPending }),
    [selected, available, watch, start.isPending],
  );
  return <WatchContext.Provider value={api}>{children}</WatchContext.Provider>;
}

/** Starting and choosing streams (inside <WatchProvider>). */
export function useWatchApi(): WatchApi {
  const api = useContext(WatchContext);
  if (!api) throw new Error('useWatchApi must be used inside <WatchProvider>');
  return api;
}
