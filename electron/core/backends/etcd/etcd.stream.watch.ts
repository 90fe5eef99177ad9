import type { IWatchResponse, Watcher } from 'etcd3';
import type { AppError } from '../../../../shared/errors.js';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import { compactedRevision } from './etcd.compaction.js';
import { toAppError } from './etcd.errors.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { streamEventOf } from './etcd.stream.event.js';
import type { StreamScope } from './etcd.stream.scope.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** A cancel waits for etcd to confirm; never longer than this. */
const CANCEL_WAIT_MS = 2000;

/** Where a running watch reports: its events, the end of its first attach, and a failure after it. */
export interface WatchHandlers {
  emit(event: BackendStreamEvent): void;
  /** Called once: null when etcd confirmed the watch, else why it refused it. */
  attached(error: AppError | null): void;
  /** The watch cannot go on (a compacted revision, a revoked permission). */
  failed(error: AppError): void;
}

function connectionEvent(
  type: 'disconnected' | 'reconnected',
  path: string,
  detail: string,
): BackendStreamEvent {
  return { type, path, mark: null, version: null, before: null, beforeKnown: false, after: null, detail };
}

/**
 * One etcd watch (with previous values) that never misses a change: it tracks the next revision it needs
 * (one past the last event delivered, or past the revision at which etcd attached it) and, when the stream
 * is lost, makes the etcd3 client re-attach from exactly there. etcd3 would resume from the revision of the
 * last response header, which can be ahead of events not delivered yet (the header of a re-attach names
 * the current revision before the replay arrives). A loss and its end become stream events.
 */
export function startResumingWatch(
  rpc: EtcdRpc,
  path: string,
  scope: StreamScope,
  since: bigint | null,
  handlers: WatchHandlers,
): () => Promise<void> {
  const builder = rpc.client.watch().withPreviousKV();
  if (scope.end === null) builder.key(scope.start);
  else builder.inRange({ start: scope.start, end: scope.end });
  if (since !== null) builder.startRevision(since.toString());
  const watcher: Watcher = builder.watcher();
  let next: bigint | null = since;
  let attached = false;
  let lost = false;

  watcher.on('connected', (response: IWatchResponse) => {
    if (!attached) {
      attached = true;
      // Without a start revision etcd watches from the one after its current revision.
      next ??= BigInt(response.header.revision) + 1n;
      handlers.attached(null);
      return;
    }
    if (!lost) return;
    lost = false;
    handlers.emit(
      connectionEvent(
        'reconnected',
        path,
        say(ETCD_SENTENCES, 'streamReconnected', { revision: String(next) }),
      ),
    );
  });
  watcher.on('data', (response: IWatchResponse) => {
    for (const event of response.events) {
      next = BigInt(event.kv.mod_revision) + 1n;
      if (!scope.includes(event.kv.key)) continue;
      const reported = streamEventOf(event);
      if (reported !== null) handlers.emit(reported);
    }
  });
  watcher.on('disconnected', (error: Error) => {
    // The etcd3 client re-attaches with this request after its backoff.
    if (next !== null) watcher.request.start_revision = next.toString();
    if (!attached || lost) return;
    lost = true;
    const reason = toAppError(error, 'The etcd watch stream').message.replace(/\.$/, '');
    handlers.emit(
      connectionEvent(
        'disconnected',
        path,
        say(ETCD_SENTENCES, 'streamDisconnected', { reason, revision: String(next) }),
      ),
    );
  });
  watcher.on('error', (error: Error) => {
    void (async () => {
      const from = next ?? since;
      const compacted =
        from === null ? null : await compactedRevision(rpc, scope.start, from).catch(() => null);
      const appError = compacted ?? toAppError(error, `Watching ${path}`);
      if (attached) handlers.failed(appError);
      else handlers.attached(appError);
    })();
  });

  return async () => {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref());
    await Promise.race([watcher.cancel().catch(() => undefined), timeout]);
  };
}
