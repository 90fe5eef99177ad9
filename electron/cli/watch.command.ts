import { AppError } from '../../shared/errors.js';
import type { StreamEvent, StreamInfo } from '../../shared/model/event-stream.js';
import { ndjsonLine, streamRecord, type StreamRecordValue } from '../../shared/model/stream-records.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { liveStore } from './live-store.js';

function parseDuration(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(text) || Number(text) <= 0) {
    throw new AppError('INVALID_INPUT', `--duration takes seconds (more than 0), not "${text}".`);
  }
  return Number(text) * 1000;
}

function parseRevision(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!/^[0-9]{1,19}$/.test(text)) {
    throw new AppError('INVALID_INPUT', `--since takes a revision number, not "${text}".`);
  }
  return text;
}

function sizeOf(value: StreamRecordValue | null): string {
  return value === null ? '–' : `${value.size} B`;
}

/** `12:03:04.120  changed  /db/url  v3  0x1f  12 B → 14 B` (paths relative to the source's root). */
function humanLine(event: StreamEvent, root: string): string {
  const record = streamRecord(event, root);
  const clock = new Date(event.time).toISOString().slice(11, 23);
  if (
    record.detail !== null &&
    (record.type === 'disconnected' || record.type === 'reconnected' || record.type === 'note')
  ) {
    return `${clock}  ${record.type}  ${record.detail}`;
  }
  const version = record.version === null ? '' : `  v${record.version}`;
  const mark = record.mark === null ? '' : `  ${record.mark}`;
  return `${clock}  ${record.type}  ${record.path}${version}${mark}  ${sizeOf(record.before)} → ${sizeOf(record.after)}`;
}

/** Resolves when the duration has passed or the user interrupted, whichever comes first. */
function waitForEnd(
  durationMs: number | null,
  interrupt: AbortSignal | null,
  failed: Promise<never>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = durationMs === null ? null : setTimeout(resolve, durationMs);
    interrupt?.addEventListener('abort', () => resolve(), { once: true });
    failed.catch((error: unknown) => {
      if (timer !== null) clearTimeout(timer);
      reject(error as Error);
    });
  });
}

/**
 * `configdeck watch <source>`: one line per event of the subtree below the source's root until interrupted
 * or the duration ends; NDJSON with --json. Exit 2 with one sentence when the source cannot be watched (a
 * snapshot file, a store without streams, a compacted revision) or the stream fails on the way.
 */
export async function watchCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'watch',
    args,
    { ...COMMON_OPTIONS, since: { type: 'string' }, duration: { type: 'string' } },
    { min: 1, max: 1, names: 'one source: configdeck watch <source>' },
  );
  if (parsed.flag('help')) return usage(context, 'watch');
  const durationMs = parseDuration(parsed.text('duration'));
  const sinceRevision = parseRevision(parsed.text('since'));
  const resolver = context.resolver(parseMilliseconds('watch', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const store = liveStore(source, 'watched');
  const streams = context.engine.streams;
  const info = await streams.start(
    { connectionId: store.profile.id, connectionName: store.profile.name, session: store.session },
    source.root,
    { recursive: true, sinceRevision },
  );
  const json = parsed.flag('json');
  let rejectFailure: (error: AppError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (rejectFailure = reject));
  const failure = (ended: StreamInfo): void => {
    if (ended.state === 'failed')
      rejectFailure(new AppError('UNREACHABLE', ended.error ?? 'The stream failed.'));
  };
  // A stream that failed while opening (a compacted revision) is already over.
  failure(info);
  const unfollow = streams.follow(info.streamId, {
    event: (event) =>
      context.print(json ? ndjsonLine(streamRecord(event, source.root)) : humanLine(event, source.root)),
    ended: failure,
  });
  try {
    await waitForEnd(durationMs, context.interrupt, failed);
  } finally {
    unfollow();
    streams.remove(info.streamId);
  }
  return 0;
}
