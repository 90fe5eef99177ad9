import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';

/** A config as a stream last saw it: its md5 (Nacos's own mark) and its content. */
export interface SeenConfig {
  md5: string;
  content: Buffer;
}

/**
 * The event between two states of a config (null: absent), or null when nothing changed. The mark and
 * the version are the md5 after the change: Nacos keeps no revision or version number of a config.
 */
export function configEvent(
  path: string,
  before: SeenConfig | null,
  after: SeenConfig | null,
  detail: string | null,
): BackendStreamEvent | null {
  if (before === null && after === null) return null;
  if (before !== null && after !== null && before.md5 === after.md5) return null;
  const type = before === null ? 'created' : after === null ? 'deleted' : 'changed';
  return {
    type,
    path,
    mark: after?.md5 ?? null,
    version: after?.md5 ?? null,
    before: streamValue(before?.content ?? null),
    beforeKnown: true,
    after: streamValue(after?.content ?? null),
    detail,
  };
}

/** A connection event or a note of the stream at `path`. */
export function streamNote(
  type: 'disconnected' | 'reconnected' | 'note',
  path: string,
  detail: string,
): BackendStreamEvent {
  return { type, path, mark: null, version: null, before: null, beforeKnown: false, after: null, detail };
}

/** Local wall-clock time as `12:03:04`, the way stream details name the ends of a gap. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}
