import { useEffect } from 'react';
import { useSession } from '../session/SessionProvider.js';

/** Tells the tabs that this editor of `connectionId` holds an unsaved edit while `dirty` is true. */
export function useReportUnsaved(connectionId: string, dirty: boolean): void {
  const { unsaved } = useSession();
  useEffect(() => (dirty ? unsaved.add(connectionId) : undefined), [unsaved, connectionId, dirty]);
}
