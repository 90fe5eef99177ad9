import type { CallResult } from '../../shared/contract/wire.js';
import type { EventName, EventPayload } from '../../shared/contract/events.js';
import type { EngineOptions } from './engine.js';

export type Transport = 'electron' | 'browser';

export interface CoreOptions extends EngineOptions {
  transport: Transport;
  /** App version shown in app.info. */
  version: string;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The Electron-free engine behind both transports. */
export interface Core {
  /**
   * Validates `rawInput` against the contract schema of `method` and runs it. Never throws: failures come
   * back as `{ ok: false, error }` with a stable code. `clientId` names the window or socket that called,
   * so its watches can be released when it goes away.
   */
  dispatch(method: string, rawInput: unknown, clientId: string): Promise<CallResult>;
  /** Subscribes to every event the core emits; returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** Drops the watches and connection holds of a client (its window closed or its socket dropped). */
  releaseClient(clientId: string): void;
  close(): Promise<void>;
}
