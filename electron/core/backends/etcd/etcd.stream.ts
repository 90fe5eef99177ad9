import { AppError, isAppError } from '../../../../shared/errors.js';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import type { EventStreamApi, OpenedStream, StreamOptions, StreamSink } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import { compactedRevision } from './etcd.compaction.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { streamScope, type StreamScope } from './etcd.stream.scope.js';
import { startResumingWatch } from './etcd.stream.watch.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

function sinceOf(options: StreamOptions): bigint | null {
  if (options.sinceRevision === null) return null;
  const since = /^[0-9]+$/.test(options.sinceRevision) ? BigInt(options.sinceRevision) : 0n;
  if (since < 1n)
    throw new AppError(
      'INVALID_INPUT',
      `"${options.sinceRevision}" is not a revision: revisions start at 1.`,
    );
  return since;
}

function methodOf(recursive: boolean, since: bigint | null): string {
  const watched = say(ETCD_SENTENCES, recursive ? 'streamMethodPrefix' : 'streamMethodKey');
  return since === null
    ? watched
    : say(ETCD_SENTENCES, 'streamMethodReplayed', { method: watched, revision: since.toString() });
}

/** Waits for etcd to confirm a watch; TIMEOUT when it does not within the session timeout. */
function confirmedWithin(
  attached: Promise<AppError | null>,
  timeoutMs: number,
  path: string,
): Promise<AppError | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<AppError>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(new AppError('TIMEOUT', `etcd did not confirm the watch on ${path} within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  return Promise.race([attached, late]).finally(() => clearTimeout(timer));
}

/**
 * Live event streams of an etcd session: one watch per stream on the key or the covering range of the
 * subtree, with previous values, optionally replayed from a past revision (a compacted one is named before
 * anything starts), resumed after a lost connection from the revision after the last one delivered.
 * Streams are watches of the session: closing it stops them.
 */
export class EtcdStreams implements EventStreamApi {
  constructor(
    private readonly rpc: EtcdRpc,
    private readonly life: SessionLifecycle,
  ) {}

  async open(path: string, options: StreamOptions, sink: StreamSink): Promise<OpenedStream> {
    const since = sinceOf(options);
    const scope = await this.permittedScope(streamScope(path, options.recursive), path);
    if (since !== null) {
      const compacted = await compactedRevision(this.rpc, scope.start, since);
      if (compacted !== null) throw compacted;
    }
    let stopped = false;
    let settle: (error: AppError | null) => void = () => undefined;
    const attached = new Promise<AppError | null>((resolve) => (settle = resolve));
    const stopWatch = this.life.watch<BackendStreamEvent>(
      (event) => sink.emit(event),
      (emit) =>
        startResumingWatch(this.rpc, path, scope, since, {
          emit,
          attached: settle,
          failed: (error) => {
            if (!stopped) sink.fail(error);
          },
        }),
    );
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      stopWatch();
    };
    const refused = await confirmedWithin(attached, this.rpc.timeoutMs, path);
    if (refused !== null) {
      stop();
      throw refused;
    }
    return { method: methodOf(options.recursive, since), note: scope.note, markKind: 'revision', stop };
  }

  /**
   * The scope the user may read (etcd checks a watch as it checks a range read of the same keys), found by
   * one read of at most one key name before the watch: a refused watch would stall every later watch of the
   * etcd3 client (its attach queue waits for a confirmation that never comes). A subtree whose covering
   * range is refused falls back to the keys below the node.
   */
  private async permittedScope(scope: StreamScope, path: string): Promise<StreamScope> {
    const read = (s: StreamScope): Promise<unknown> =>
      this.rpc.range(`Watching ${path}`, {
        key: s.start,
        ...(s.end === null ? {} : { range_end: s.end }),
        limit: 1,
        keys_only: true,
      });
    try {
      await read(scope);
      return scope;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'PERMISSION_DENIED' || scope.narrower === null) throw error;
      await read(scope.narrower);
      return scope.narrower;
    }
  }
}
