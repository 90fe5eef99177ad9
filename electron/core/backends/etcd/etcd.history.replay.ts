import type { IEvent, IWatchResponse, Watcher } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { toAppError } from './etcd.errors.js';
import type { EtcdRpc } from './etcd.rpc.js';

/** etcd sends at most this many revisions of a watcher's events in one response (watchBatchMaxRevs). */
const BATCH_MAX_REVS = 1000;
/**
 * etcd hands a replaying watcher its past events within its resync interval (100 ms); a watch that has seen
 * nothing this long after it attached has no past events to replay.
 */
const QUIET_MS = 500;
const CANCEL_WAIT_MS = 2000;

/** Where a replay stops: the put of the key's current version, or (key absent now) the header revision read. */
export interface ReplayEnd {
  /** The mod revision of the key's current version, or null when the key is absent now. */
  currentModRevision: bigint | null;
  /** The revision at which the key was read (every event that matters is at or below it). */
  readAt: bigint;
}

/** The distinct revisions among a response's events. */
function revisionsOf(events: IEvent[]): number {
  return new Set(events.map((event) => event.kv.mod_revision)).size;
}

/**
 * Every put and delete of one key from revision `from` up to `end`, oldest first, by a watch replaying the
 * key's events (with previous values). Only the last `keep` events are kept (a key with a long history
 * stays within bounds); the replay gives up after `timeoutMs`.
 */
export function replayKeyEvents(
  rpc: EtcdRpc,
  key: Buffer,
  from: bigint,
  end: ReplayEnd,
  keep: number,
): Promise<IEvent[]> {
  // A key unchanged since before `from` has no event to replay.
  if (end.currentModRevision !== null && end.currentModRevision < from) return Promise.resolve([]);
  const watcher: Watcher = rpc.client
    .watch()
    .key(key)
    .withPreviousKV()
    .startRevision(from.toString())
    .watcher();
  const events: IEvent[] = [];
  return new Promise<IEvent[]>((resolve, reject) => {
    let quiet: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (error: AppError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(deadline);
      const timeout = new Promise<void>((done) => setTimeout(done, CANCEL_WAIT_MS).unref());
      void Promise.race([watcher.cancel().catch(() => undefined), timeout]);
      if (error === null) resolve(events);
      else reject(error);
    };
    const deadline = setTimeout(
      () =>
        finish(
          new AppError('TIMEOUT', `etcd did not replay the history of the key within ${rpc.timeoutMs} ms.`),
        ),
      rpc.timeoutMs,
    );
    const waitQuietly = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(null), QUIET_MS);
    };
    watcher.on('connected', () => {
      if (end.currentModRevision === null) waitQuietly();
    });
    watcher.on('data', (response: IWatchResponse) => {
      for (const event of response.events) {
        if (BigInt(event.kv.mod_revision) > end.readAt) continue;
        events.push(event);
        if (events.length > keep) events.shift();
      }
      const last = events.at(-1);
      if (end.currentModRevision !== null) {
        if (last !== undefined && BigInt(last.kv.mod_revision) >= end.currentModRevision) finish(null);
        return;
      }
      // A response complete up to its header revision (fewer revisions than a batch holds) ends the replay.
      const complete = revisionsOf(response.events) < BATCH_MAX_REVS;
      if (complete && BigInt(response.header.revision) >= end.readAt) finish(null);
      else waitQuietly();
    });
    watcher.on('error', (error: Error) => finish(toAppError(error, 'Replaying the history of the key')));
  });
}
