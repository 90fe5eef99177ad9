import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract/events.js';
import { useClient } from '../transport/ClientContext.js';

/** Runs `handler` for every pushed event of one kind while the component is mounted. */
export function useEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}
