import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';
import { useEvent } from './useEvent.js';

/** Refreshes every audit query when the core appends an entry. */
export function useAuditLive(): void {
  const queryClient = useQueryClient();
  useEvent('audit.appended', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit() });
  });
}
