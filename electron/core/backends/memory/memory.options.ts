import type { BackendKind } from '../../../../shared/model/connection.js';

/** How an endpoint of the in-memory driver answers a connect, as a real server would. */
export interface MemoryEndpoint {
  /**
   * `up` (default) serves its store; `down` refuses at once (a closed port); `silent` accepts and never
   * answers (a connect gives up with UNREACHABLE once the session timeout passed).
   */
  state?: 'up' | 'down' | 'silent';
  /** The store asks for these credentials: a session without them, or with others, fails AUTH_FAILED. */
  credentials?: { username: string; password: string };
}

/** Create modes the in-memory store implements; each is offered only when switched on. */
export interface MemoryCreateModes {
  /** Nodes that go when the session that created them closes (and cannot have children). */
  ephemeral?: boolean;
  /** A 10-digit counter of the parent appended to the name. */
  sequential?: boolean;
  /** A node removed once its last child is deleted. */
  container?: boolean;
}

export interface MemoryDriverOptions {
  /** The kind it stands in for: its descriptor decides whether a node needs its parent. */
  kind: BackendKind;
  modes?: MemoryCreateModes;
  /** Guarded all-or-nothing batches (session.batch); on by default, `false` leaves them out. */
  batch?: false | { maxWrites: number; maxBytes: number };
  /** Largest value a node may hold; larger writes fail with TOO_LARGE. */
  maxValueBytes?: number;
  /** Endpoints that behave unlike a plain reachable store without credentials, by name. */
  endpoints?: Readonly<Record<string, MemoryEndpoint>>;
}

export const LARGEST_VALUE_BYTES = 1024 * 1024;
export const DEFAULT_BATCH_LIMITS = { maxWrites: 64, maxBytes: 512 * 1024 } as const;
