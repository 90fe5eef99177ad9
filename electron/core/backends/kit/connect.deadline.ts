import { AppError, isAppError } from '../../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../../shared/kinds/kinds.js';
import type { ResolvedProfile } from '../backend.js';

/** Whom a connect tries to reach, as its messages name it, and how long it may take. */
export interface ConnectTarget {
  /** The store as messages name it: 'ZooKeeper', 'etcd', 'Consul', 'Nacos'. */
  store: string;
  /** The endpoints as the user gave them. */
  endpoints: string;
  timeoutMs: number;
}

/** The target of a profile: its store's label, its endpoints (or how the driver shows them), its timeout. */
export function connectTarget(
  profile: ResolvedProfile,
  endpoints: string = profile.endpoints.join(', '),
): ConnectTarget {
  return { store: KIND_DESCRIPTORS[profile.kind].label, endpoints, timeoutMs: profile.sessionTimeoutMs };
}

/** What a connect opens (a client, an HTTP layer) and how it is released. */
export interface ConnectResource<R> {
  /** Opens it (may already talk to the server, e.g. a login). */
  open(): R | Promise<R>;
  /** Releases what `open` gave; called once at most. */
  release(resource: R): void | Promise<void>;
}

/** The steps that prove a connection on what was opened; they must honour `signal`, aborted at the deadline. */
export type ConnectSteps<R, T> = (resource: R, signal: AbortSignal) => Promise<T>;

/** The UNREACHABLE of a connect that ran out of time. */
export function connectTimedOut(target: ConnectTarget): AppError {
  return new AppError(
    'UNREACHABLE',
    `${target.store} at ${target.endpoints} did not answer within ${target.timeoutMs} ms.`,
  );
}

/**
 * Opens what a connect needs and runs the connect steps on it under the session timeout. A timeout, the
 * deadline's or a step's own TIMEOUT, is UNREACHABLE in one sentence: at connect time a server that does
 * not answer in time counts as unreachable. On any failure what was opened is released, also when `open`
 * finishes only after the deadline; on success it is kept (`keep`), or released for a look at the server
 * before a profile is saved (`release`, as discover does).
 */
export async function connectWithin<R, T>(
  target: ConnectTarget,
  resource: ConnectResource<R>,
  steps: ConnectSteps<R, T>,
  onSuccess: 'keep' | 'release' = 'keep',
): Promise<T> {
  const controller = new AbortController();
  let opened: { resource: R } | null = null;
  let released = false;
  let failed = false;
  const release = async (): Promise<void> => {
    if (opened === null || released) return;
    released = true;
    await resource.release(opened.resource);
  };
  const work = (async () => {
    opened = { resource: await resource.open() };
    if (failed) {
      // Opened after the deadline: nobody waits for it any more.
      await release();
      throw connectTimedOut(target);
    }
    return steps(opened.resource, controller.signal);
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(connectTimedOut(target)), target.timeoutMs);
  });
  try {
    const result = await Promise.race([work, deadline]);
    if (onSuccess === 'release') await release();
    return result;
  } catch (error) {
    failed = true;
    controller.abort();
    work.catch(() => undefined);
    // Released in the background: closing a session that never started may itself wait (ZooKeeper's close
    // grace), and the caller is owed its answer at the deadline.
    void release().catch(() => undefined);
    throw isAppError(error) && error.code === 'TIMEOUT' ? connectTimedOut(target) : error;
  } finally {
    clearTimeout(timer);
  }
}
