import { basename } from 'node:path';
import type { AuditVerifyResult } from '../../../shared/model/audit.js';
import { GENESIS_HASH, hashEntry, parseAuditLine } from './audit.entry.js';
import { readLogLines } from './audit.lines.js';

type Broken = NonNullable<AuditVerifyResult['firstBroken']>;

/**
 * Recomputes every hash and link of the log and reports the first entry where the chain breaks: an edited
 * entry (its hash no longer matches), a missing, inserted or reordered one (seq or prevHash off), or a
 * line that is not an entry at all. `entries` counts every line of the file.
 */
export async function verifyAuditFile(path: string): Promise<AuditVerifyResult> {
  let entries = 0;
  let firstBroken: Broken | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for await (const { text, line, terminated } of readLogLines(path)) {
    entries += 1;
    if (firstBroken !== null) continue;
    if (!terminated) {
      firstBroken = {
        file: basename(path),
        seq: expectedSeq,
        line,
        reason: 'incomplete last line (a write in progress or torn by a crash)',
      };
      continue;
    }
    const parsed = parseAuditLine(text);
    if (!parsed.ok) {
      firstBroken = { file: basename(path), seq: expectedSeq, line, reason: parsed.reason };
      continue;
    }
    const { entry, raw } = parsed;
    const reason = chainProblem(entry.seq, entry.prevHash, entry.hash, hashEntry(raw), expectedSeq, prevHash);
    if (reason !== null) {
      firstBroken = { file: basename(path), seq: entry.seq, line, reason };
      continue;
    }
    expectedSeq = entry.seq + 1;
    prevHash = entry.hash;
  }
  return { ok: firstBroken === null, entries, files: 1, firstBroken };
}

/** Why an entry does not continue the chain, or null when it does. */
function chainProblem(
  seq: number,
  entryPrevHash: string,
  storedHash: string,
  computedHash: string,
  expectedSeq: number,
  prevHash: string,
): string | null {
  if (storedHash !== computedHash) return 'hash mismatch: the entry was modified after it was written';
  if (seq > expectedSeq) {
    const missing =
      seq - 1 === expectedSeq ? `entry ${expectedSeq} is` : `entries ${expectedSeq}..${seq - 1} are`;
    return `seq ${seq} where ${expectedSeq} was expected: ${missing} missing or out of order`;
  }
  if (seq < expectedSeq)
    return `seq ${seq} where ${expectedSeq} was expected: entries are reordered or duplicated`;
  if (entryPrevHash !== prevHash)
    return 'prevHash does not match the previous entry: an entry was replaced or removed';
  return null;
}
