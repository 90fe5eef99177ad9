import { open, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { errnoCode } from '../storage/json-file.js';
import { GENESIS_HASH, parseAuditLine } from './audit.entry.js';

/** Where the next append continues the chain. */
export interface AuditTail {
  /** File size after any repair: the offset the next entry starts at. */
  size: number;
  /** seq and hash of the last entry (0 and the genesis hash for an empty log). */
  seq: number;
  hash: string;
  /** Why the chain cannot be continued (the last complete line is unreadable), or null. */
  problem: string | null;
  /** The copy of torn bytes removed from the end, or null when the file ended cleanly. */
  tornCopy: string | null;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads the end of the log. A crash mid-append leaves a last line without its newline: those bytes never
 * became an entry (append resolves only after the whole line is durable), so they are copied to
 * `<file>.torn-<time>` and cut off, and the chain continues from the last complete line.
 */
export async function loadAuditTail(path: string, now: () => Date = () => new Date()): Promise<AuditTail> {
  const empty: AuditTail = { size: 0, seq: 0, hash: GENESIS_HASH, problem: null, tornCopy: null };
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return empty;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return empty;
    // Read backwards until the region holds two newlines (the end of the last complete line and the one
    // before it) or the whole file.
    let start = size;
    let tail = Buffer.alloc(0);
    while (start > 0 && countNewlines(tail, 2) < 2) {
      const length = Math.min(CHUNK, start);
      start -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, start);
      tail = Buffer.concat([chunk, tail]);
    }
    const lastNewline = tail.lastIndexOf(NEWLINE);
    const end = lastNewline === -1 ? start : start + lastNewline + 1;
    let tornCopy: string | null = null;
    if (end < size) {
      tornCopy = await keepTornBytes(path, tail.subarray(end - start), now());
      await handle.truncate(end);
      await handle.sync();
    }
    if (end === 0) return { ...empty, tornCopy };
    const lineEnd = end - 1 - start;
    const lineStart = lineEnd > 0 ? tail.lastIndexOf(NEWLINE, lineEnd - 1) + 1 : 0;
    const parsed = parseAuditLine(tail.subarray(lineStart, lineEnd).toString('utf8'));
    if (!parsed.ok) {
      const problem = `The last entry of the audit log ${path} is unreadable (${parsed.reason}); run an audit verify and move the file aside to start a new log.`;
      return { size: end, seq: 0, hash: GENESIS_HASH, problem, tornCopy };
    }
    return { size: end, seq: parsed.entry.seq, hash: parsed.entry.hash, problem: null, tornCopy };
  } finally {
    await handle.close();
  }
}

function countNewlines(buffer: Buffer, atMost: number): number {
  let count = 0;
  for (
    let at = buffer.lastIndexOf(NEWLINE);
    at !== -1 && count < atMost;
    at = at > 0 ? buffer.lastIndexOf(NEWLINE, at - 1) : -1
  ) {
    count += 1;
  }
  return count;
}

/** Saves the torn bytes beside the log so a repair never silently throws data away. */
async function keepTornBytes(path: string, bytes: Buffer, time: Date): Promise<string> {
  const stamp = time.toISOString().replace(/[:.]/g, '-');
  const copy = `${path}.torn-${stamp}`;
  try {
    await writeFile(copy, bytes, { flag: 'wx', mode: 0o600 });
    return copy;
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw error;
    const other = `${copy}-${randomBytes(4).toString('hex')}`;
    await writeFile(other, bytes, { flag: 'wx', mode: 0o600 });
    return other;
  }
}
