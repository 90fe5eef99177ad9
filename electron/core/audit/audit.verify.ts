import type { AuditVerifyProgress, AuditVerifyResult } from '../../../shared/model/audit.js';
import { GENESIS_HASH, hashEntry, parseAuditLine } from './audit.entry.js';
import type { AuditLogFile } from './audit.files.js';
import { scanLogFile } from './audit.scan.js';

type Broken = NonNullable<AuditVerifyResult['firstBroken']>;

/**
 * Recomputes every hash and link of the log, file after file in chain order, and reports the first entry
 * where the chain breaks: an edited entry (its hash no longer matches), a missing, inserted or reordered one
 * (seq or prevHash off; a deleted or misplaced file shows the same way at its neighbour's first entry), or a
 * line that is not an entry at all. `entries` counts every line of every file. Each file is read up to the
 * size it had when listed, so entries appended meanwhile are left for the next verify.
 */
export async function verifyAuditLog(
  files: readonly AuditLogFile[],
  onProgress?: (progress: AuditVerifyProgress) => void,
): Promise<AuditVerifyResult> {
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  let bytesBefore = 0;
  let entries = 0;
  let firstBroken: Broken | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let expectedFile = 1;
  for (const file of files) {
    const gap = file.number === expectedFile ? null : missingFiles(expectedFile, file.number);
    expectedFile = file.number + 1;
    const result = await scanLogFile(
      file.path,
      0,
      ({ chunk, start, end, line }) => {
        entries += 1;
        if (firstBroken !== null) return;
        const parsed = parseAuditLine(chunk.toString('utf8', start, end));
        if (!parsed.ok) {
          firstBroken = { file: file.name, seq: expectedSeq, line, reason: parsed.reason };
          return;
        }
        const { entry, raw } = parsed;
        const reason = chainProblem(
          entry.seq,
          entry.prevHash,
          entry.hash,
          hashEntry(raw),
          expectedSeq,
          prevHash,
        );
        if (reason !== null) {
          const where = line === 1 && gap !== null ? ` (${gap})` : '';
          firstBroken = { file: file.name, seq: entry.seq, line, reason: `${reason}${where}` };
          return;
        }
        expectedSeq = entry.seq + 1;
        prevHash = entry.hash;
      },
      (read) => onProgress?.({ bytesDone: bytesBefore + read, bytesTotal, entries }),
      file.size,
    );
    if (result.unterminated > 0) {
      entries += 1;
      firstBroken ??= {
        file: file.name,
        seq: expectedSeq,
        line: result.lines + 1,
        reason: 'incomplete last line (a write in progress or torn by a crash)',
      };
    }
    bytesBefore += file.size;
  }
  onProgress?.({ bytesDone: bytesTotal, bytesTotal, entries });
  return { ok: firstBroken === null, entries, files: files.length, firstBroken };
}

/** The files missing before `found` (files are listed in number order, so `found` > `expected`). */
function missingFiles(expected: number, found: number): string {
  return found - 1 === expected
    ? `log file ${expected} is missing`
    : `log files ${expected}..${found - 1} are missing`;
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
