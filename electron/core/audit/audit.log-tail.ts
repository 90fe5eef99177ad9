import { GENESIS_HASH } from './audit.entry.js';
import type { AuditLogNames } from './audit.files.js';
import { loadAuditTail, type AuditTail } from './audit.tail.js';

/** Where the next append continues the chain: the active (newest) file, its size, the last entry's seq and hash. */
export interface LogTail extends AuditTail {
  /** Number of the active file (1 = audit.jsonl). */
  file: number;
}

/**
 * Reads the end of a rotated log: the newest file, repaired like any log (a torn last line cut off and kept).
 * When that file holds no entry yet (a rotation whose first write was torn), the chain continues from the
 * last entry of the file before it.
 */
export async function loadLogTail(names: AuditLogNames, now: () => Date): Promise<LogTail> {
  const files = await names.list();
  const active = files.at(-1);
  if (active === undefined) {
    return { file: 1, size: 0, seq: 0, hash: GENESIS_HASH, problem: null, tornCopy: null };
  }
  const tail = await loadAuditTail(active.path, now);
  if (tail.size > 0 || tail.problem !== null) return { ...tail, file: active.number };
  for (let at = files.length - 2; at >= 0; at -= 1) {
    const earlier = await loadAuditTail(files[at]!.path, now);
    if (earlier.problem !== null)
      return { ...earlier, size: 0, file: active.number, tornCopy: tail.tornCopy };
    if (earlier.size > 0) {
      return {
        ...tail,
        seq: earlier.seq,
        hash: earlier.hash,
        file: active.number,
        tornCopy: tail.tornCopy ?? earlier.tornCopy,
      };
    }
  }
  return { ...tail, file: active.number };
}
