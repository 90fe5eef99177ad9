import type { StreamEvent, StreamValue } from '../../../../shared/model/event-stream.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { detectTextFormat } from '../../lib/format-detect.js';
import { MONACO_LANGUAGE } from '../../lib/value-format.js';

/** One side of an event's diff: the text to show, or why there is none. */
export interface DiffSide {
  text: string;
  /** A sentence instead of the value (kept as size and hash, not known, none); null when the text is it. */
  notice: string | null;
}

/** What a diff shows for a value an event carries. */
export function diffSide(value: StreamValue | null, known: boolean, side: 'before' | 'after'): DiffSide {
  if (!known) {
    return {
      text: '',
      notice: `The value ${side} this change is not known: the stream had not read the node before.`,
    };
  }
  if (value === null)
    return {
      text: '',
      notice: side === 'before' ? 'No value before (new node).' : 'No value after (deleted).',
    };
  if (value.base64 === null) {
    return {
      text: '',
      notice: `The value ${side} is ${formatBytes(value.size)}, kept as its size and SHA-256 only (values over 64 KiB are): ${value.sha256}`,
    };
  }
  return { text: decodeUtf8Lenient(base64ToBytes(value.base64)), notice: null };
}

/** The diff's Monaco language, guessed from the value after (or before, for a deletion). */
export function eventLanguage(before: DiffSide, after: DiffSide): string {
  const sample = after.text !== '' ? after.text : before.text;
  return MONACO_LANGUAGE[detectTextFormat(sample)];
}

/** Both values are known and whole and the same bytes: the change touched the version only. */
export function sameValues(event: StreamEvent): boolean {
  return (
    event.beforeKnown &&
    event.before !== null &&
    event.after !== null &&
    event.before.sha256 === event.after.sha256
  );
}
