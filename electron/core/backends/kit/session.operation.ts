import type { BackendSession, NodeChange, WatchOptions } from '../backend.js';
import type { StopWatch } from './watch.registry.js';

/**
 * A session method as a driver's module implements it: the method's own parameters and answer, after
 * the driver's context (its RPC or HTTP layer). Typed once here, so every store's operation has the
 * interface's shape.
 */
export type SessionOperation<C, M extends 'listChildren' | 'set' | 'create' | 'delete' | 'scanSubtree'> = (
  ctx: C,
  ...args: Parameters<NonNullable<BackendSession[M]>>
) => ReturnType<NonNullable<BackendSession[M]>>;

/**
 * A watch as a driver's module starts it: after the context, the path and options of the session's
 * `watch`, and the guarded emit the session's watch registry made of the listener. Answers its stop.
 */
export type WatchOperation<C> = (
  ctx: C,
  path: string,
  options: WatchOptions,
  emit: (change: NodeChange) => void,
) => StopWatch;
