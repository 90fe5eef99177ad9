import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from './query-keys.js';
import { useEvent } from './useEvent.js';

/**
 * How often at most the audit queries are asked again while entries are appended: a sync appends
 * thousands a second, and each refresh restarts the pages in view.
 */
const REFRESH_EVERY_MS = 400;

/** Refreshes every audit query when the core appends entries, at most every {@link REFRESH_EVERY_MS}. */
export function useAuditLive(): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  useEvent('audit.appended', () => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      // An entry never changes once written: only the lists, groups and plans can.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.audit(),
        predicate: (query) => query.queryKey[1] !== 'entry',
      });
    }, REFRESH_EVERY_MS);
  });
}
