import type { AuditVerifyProgress, AuditVerifyResult } from '../../../shared/model/audit.js';
import { GENESIS_HASH, hashEntry, parseAuditLine } from './audit.entry.js';
import type { AuditLogFile } from './audit.files.js';
import { scanLogFile } from './audit.scan.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

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
    const gap = file.number === expectedFile ? null : { expected: expectedFile, found: file.number };
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
          const where =
            line === 1 && gap !== null ? withMissingFiles(reason, gap.expected, gap.found) : reason;
          firstBroken = { file: file.name, seq: entry.seq, line, reason: where };
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
        reason: say(AUDIT_SENTENCES, 'verifyIncompleteLine'),
      };
    }
    bytesBefore += file.size;
  }
  onProgress?.({ bytesDone: bytesTotal, bytesTotal, entries });
  return { ok: firstBroken === null, entries, files: files.length, firstBroken };
}

/**
 * `reason` with the files missing before `found` named after it (files are listed in number order, so
 * `found` > `expected`).
 */
function withMissingFiles(reason: string, expected: number, found: number): string {
  return found - 1 === expected
    ? say(AUDIT_SENTENCES, 'verifyFileMissing', { reason, file: expected })
    : say(AUDIT_SENTENCES, 'verifyFilesMissing', { reason, first: expected, last: found - 1 });
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
  if (storedHash !== computedHash) return say(AUDIT_SENTENCES, 'verifyHashMismatch');
  const expected = expectedSeq;
  if (seq > expectedSeq)
    return seq - 1 === expectedSeq
      ? say(AUDIT_SENTENCES, 'verifyEntryMissing', { seq, expected, missing: expectedSeq })
      : say(AUDIT_SENTENCES, 'verifyEntriesMissing', { seq, expected, first: expectedSeq, last: seq - 1 });
  if (seq < expectedSeq) return say(AUDIT_SENTENCES, 'verifyReordered', { seq, expected });
  if (entryPrevHash !== prevHash) return say(AUDIT_SENTENCES, 'verifyPrevHashMismatch');
  return null;
}
