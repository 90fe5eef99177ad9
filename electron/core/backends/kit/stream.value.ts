import { createHash } from 'node:crypto';
import { STREAM_VALUE_MAX_BYTES, type StreamValue } from '../../../../shared/model/event-stream.js';

/** A value as a stream event carries it: whole up to 64 KiB, else its size and SHA-256 only; null stays null. */
export function streamValue(value: Buffer | null): StreamValue | null {
  if (value === null) return null;
  return {
    size: value.length,
    sha256: createHash('sha256').update(value).digest('hex'),
    base64: value.length <= STREAM_VALUE_MAX_BYTES ? value.toString('base64') : null,
  };
}

/** Whether two stream values are the same bytes (by hash: a value kept as size and hash compares too). */
export function sameStreamValue(a: StreamValue | null, b: StreamValue | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.sha256 === b.sha256;
}
