import { relativePath } from '../paths.js';
import type { StreamEvent, StreamValue } from './event-stream.js';

/**
 * A stream event as exported (the Watch tab's NDJSON and CSV, `configdeck watch --json`): the path
 * relative to the watched root (as in snapshots), values as UTF-8 text or base64 with their encoding, and a
 * value larger than 64 KiB as its SHA-256 (`encoding: "sha256"`) with its size.
 */
export interface StreamRecordValue {
  encoding: 'utf8' | 'base64' | 'sha256';
  value: string;
  size: number;
}

export interface StreamRecord {
  /** ISO 8601 local receive time. */
  time: string;
  type: StreamEvent['type'];
  path: string;
  mark: string | null;
  version: string | null;
  before: StreamRecordValue | null;
  after: StreamRecordValue | null;
  detail: string | null;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Text when the bytes are valid UTF-8, else base64; a value kept as its hash stays a hash. */
export function recordValue(value: StreamValue | null): StreamRecordValue | null {
  if (value === null) return null;
  if (value.base64 === null) return { encoding: 'sha256', value: value.sha256, size: value.size };
  try {
    return { encoding: 'utf8', value: STRICT_UTF8.decode(base64Bytes(value.base64)), size: value.size };
  } catch {
    return { encoding: 'base64', value: value.base64, size: value.size };
  }
}

/** The export record of an event of a stream rooted at `root`. */
export function streamRecord(event: StreamEvent, root: string): StreamRecord {
  const below = event.path === root || event.path.startsWith(root === '/' ? '/' : `${root}/`);
  return {
    time: new Date(event.time).toISOString(),
    type: event.type,
    path: below ? relativePath(root, event.path) : event.path,
    mark: event.mark,
    version: event.version,
    before: recordValue(event.before),
    after: recordValue(event.after),
    detail: event.detail,
  };
}

/** One NDJSON line (no newline). */
export function ndjsonLine(record: StreamRecord): string {
  return JSON.stringify(record);
}

export const CSV_HEADER =
  'time,type,path,mark,version,before_encoding,before,before_size,after_encoding,after,after_size,detail';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV row in CSV_HEADER's columns (RFC 4180 quoting; no newline). */
export function csvRow(record: StreamRecord): string {
  return [
    record.time,
    record.type,
    record.path,
    record.mark,
    record.version,
    record.before?.encoding ?? null,
    record.before?.value ?? null,
    record.before?.size ?? null,
    record.after?.encoding ?? null,
    record.after?.value ?? null,
    record.after?.size ?? null,
    record.detail,
  ]
    .map(csvField)
    .join(',');
}
