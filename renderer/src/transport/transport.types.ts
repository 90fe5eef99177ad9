import type { CallResult } from '../../../shared/contract/wire.js';

/** Where the link to the core stands; `epoch` grows on every (re)connect so subscriptions can be renewed. */
export type TransportStatus =
  | { state: 'connected'; epoch: number }
  | { state: 'connecting'; epoch: number }
  | { state: 'disconnected'; epoch: number; retryAt: number; reason: string };

/** The one thing the UI needs from a transport: call a contract method and hear pushed events. */
export interface Transport {
  readonly kind: 'electron' | 'browser';
  /** Calls a method; once `signal` aborts it settles at once with CANCELLED and drops the late answer. */
  invoke(method: string, input: unknown, signal?: AbortSignal): Promise<CallResult>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  getStatus(): TransportStatus;
  onStatus(listener: () => void): () => void;
  /** Skip the backoff wait and try to reconnect now (no-op when connected). */
  retryNow(): void;
  close(): void;
}
