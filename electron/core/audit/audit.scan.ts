import { open } from 'node:fs/promises';
import { errnoCode } from '../storage/json-file.js';

/** One complete line of a log file as the scan sees it: bytes in `chunk` from `start` to `end` (no newline). */
export interface ScannedLine {
  chunk: Buffer;
  start: number;
  end: number;
  /** Byte offset of the line in the file. */
  offset: number;
  /** 1-based line number, counting from the offset the scan started at (line 1 there). */
  line: number;
}

export interface ScanResult {
  /** Where the last complete line ends: a scan resumed from here sees only lines written after. */
  end: number;
  lines: number;
  /** Bytes after `end` that do not (yet) end with a newline: an append in progress or a torn tail. */
  unterminated: number;
}

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads a log file from `from` in large chunks and hands every complete (newline-terminated) line to
 * `onLine` synchronously, without decoding it (the index decodes only what it keeps; verify hashes the
 * text). A missing file has no lines. `onChunk` hears the bytes read so far (progress). Nothing at or past
 * `to` is read (a verify checks the log as it was when it started, while appends go on).
 */
export async function scanLogFile(
  path: string,
  from: number,
  onLine: (line: ScannedLine) => void,
  onChunk?: (bytesRead: number) => void,
  to = Number.POSITIVE_INFINITY,
): Promise<ScanResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { end: from, lines: 0, unterminated: 0 };
    throw error;
  }
  try {
    let buffer = Buffer.alloc(CHUNK);
    /** Bytes at the start of `buffer` carried over from the previous read (a line not yet complete). */
    let carried = 0;
    /** File offset of buffer[0]. */
    let base = from;
    let line = 0;
    let read = 0;
    for (;;) {
      if (carried === buffer.length) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.alloc(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const wanted = Math.min(buffer.length - carried, to - (base + carried));
      if (wanted <= 0) break;
      const { bytesRead } = await handle.read(buffer, carried, wanted, base + carried);
      if (bytesRead === 0) break;
      read += bytesRead;
      onChunk?.(read);
      const filled = carried + bytesRead;
      let start = 0;
      for (
        let at = buffer.indexOf(NEWLINE, 0);
        at !== -1 && at < filled;
        at = buffer.indexOf(NEWLINE, start)
      ) {
        line += 1;
        onLine({ chunk: buffer, start, end: at, offset: base + start, line });
        start = at + 1;
        if (start >= filled) break;
      }
      carried = filled - start;
      if (start > 0) {
        buffer.copy(buffer, 0, start, filled);
        base += start;
      }
    }
    return { end: base, lines: line, unterminated: carried };
  } finally {
    await handle.close();
  }
}
