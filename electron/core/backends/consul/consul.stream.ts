import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.js';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import type { EventStreamApi, OpenedStream, StreamOptions, StreamSink } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import type { StopWatch } from '../kit/watch.registry.js';
import { runBlockingLoop } from './consul.blocking.js';
import type { KvContext } from './consul.kv.js';
import { resolvePath } from './consul.paths.js';
import type { KvEntry } from './consul.schemas.js';
import { streamSources, type StreamSource } from './consul.stream.sources.js';
import { StreamNodes } from './consul.stream.state.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

/** Failures after which retrying cannot help: the stream stops with the sentence. */
const FATAL: ReadonlySet<ErrorCode> = new Set([
  'AUTH_FAILED',
  'PERMISSION_DENIED',
  'INVALID_INPUT',
  'TOO_LARGE',
  'NOT_CONNECTED',
]);

/** What a running stream reports through the session's guarded emit. */
type StreamReport = { event: BackendStreamEvent } | { failure: AppError };

function connectionEvent(type: BackendStreamEvent['type'], path: string, detail: string): BackendStreamEvent {
  return { type, path, mark: null, version: null, before: null, beforeKnown: false, after: null, detail };
}

function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('INTERNAL', `Streaming failed: ${String(error)}`);
}

/**
 * Runs the blocking loops of one stream from its first answers: each answer is compared with the nodes
 * kept (StreamNodes), so only keys whose ModifyIndex moved are events. A lost agent is one `disconnected`
 * event; the first answer after it is a plain read compared with the state before the loss, reported by
 * `reconnected` and then the events of the gap. An index that went backwards is a `note`.
 */
function runStream(
  path: string,
  sources: StreamSource[],
  first: KvEntry[][],
  timeoutMs: number,
  report: (r: StreamReport) => void,
): StopWatch {
  const controller = new AbortController();
  const latest = [...first];
  const nodes = new StreamNodes();
  nodes.start(latest.flat());
  const emit = (event: BackendStreamEvent): void => report({ event });
  let lostAt: number | null = null;
  let failed = false;
  sources.forEach((source, i) => {
    void runBlockingLoop(
      {
        run: async (blocking, signal) => {
          const answer = await source.read(blocking, signal);
          return { value: answer, index: answer.index };
        },
        onValue: (answer) => {
          if (lostAt !== null) {
            const seconds = ((Date.now() - lostAt) / 1000).toFixed(1);
            lostAt = null;
            emit(
              connectionEvent('reconnected', path, say(CONSUL_SENTENCES, 'streamReconnected', { seconds })),
            );
          }
          latest[i] = answer.value;
          for (const event of nodes.advance(latest.flat(), answer.index)) emit(event);
        },
        onFailure: (error) => {
          const failure = asAppError(error);
          if (FATAL.has(failure.code)) {
            controller.abort();
            // Every loop of the stream may fail the same way; the stream fails once.
            if (!failed) report({ failure });
            failed = true;
          } else if (lostAt === null) {
            lostAt = Date.now();
            emit(
              connectionEvent(
                'disconnected',
                path,
                say(CONSUL_SENTENCES, 'streamDisconnected', { reason: failure.message }),
              ),
            );
          }
        },
        onReset: (waitedPast, received) =>
          emit(
            connectionEvent(
              'note',
              path,
              say(CONSUL_SENTENCES, 'streamIndexWentBack', { from: waitedPast, to: received }),
            ),
          ),
      },
      timeoutMs,
      controller.signal,
    );
  });
  return () => controller.abort();
}

/** Live event streams of a Consul connection: blocking queries on a key or a prefix (capability `eventStreams`). */
export class ConsulStreams implements EventStreamApi {
  constructor(
    private readonly ctx: KvContext,
    private readonly life: SessionLifecycle,
  ) {}

  async open(path: string, options: StreamOptions, sink: StreamSink): Promise<OpenedStream> {
    if (options.sinceRevision !== null) {
      throw new AppError(
        'INVALID_INPUT',
        'Consul keeps no history of changes, so a stream cannot start from a past revision; it starts from the current state.',
      );
    }
    const node = resolvePath(path);
    if (node.isRoot && !options.recursive) {
      throw new AppError(
        'INVALID_INPUT',
        'The root of Consul KV holds no value of its own; watch it as a subtree.',
      );
    }
    const what = `Streaming ${path}`;
    const sources = streamSources(this.ctx, node, options.recursive, what);
    // The first read: a path that cannot be read fails the open with its sentence, and it is the state
    // the first blocking answers are compared with.
    const never = new AbortController().signal;
    const answers = await Promise.all(sources.map((source) => source.read(null, never)));
    const first = answers.map((answer) => answer.value);
    const hidden = answers.some((answer) => answer.filteredByAcls);
    const stop = this.life.watch<StreamReport>(
      (r) => ('event' in r ? sink.emit(r.event) : sink.fail(r.failure)),
      (report) => runStream(path, sources, first, this.ctx.http.timeoutMs, report),
    );
    return {
      method: say(CONSUL_SENTENCES, options.recursive ? 'streamMethodPrefix' : 'streamMethodKey'),
      note: say(CONSUL_SENTENCES, hidden ? 'streamAnswersHidden' : 'streamAnswers'),
      markKind: 'modifyIndex',
      stop,
    };
  }
}
