import type { EventName, EventPayload } from '../../../shared/contract/events.js';
import type { CoreEventListener } from '../core.types.js';

/** Fan-out of core events to the transports; one per core instance. */
export class EventBus {
  private readonly listeners = new Set<CoreEventListener>();

  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken listener (a closed socket) must not stop the others from hearing the event.
      }
    }
  }
}
