import type { HistoryVersion } from '../../../shared/model/history.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

/** A version with the digest of its value (null for a deletion), so duplicates can be told apart. */
export interface Sourced {
  version: HistoryVersion;
  sha256: string | null;
}

/** A Watch tab event this close to an audit entry with the same value is that write seen again. */
const SAME_WRITE_MS = 10_000;

const millis = (version: HistoryVersion): number => (version.time === null ? 0 : Date.parse(version.time));

function duplicates(audit: Sourced, watch: Sourced): boolean {
  const sameChange =
    audit.version.operation === 'delete'
      ? watch.version.operation === 'delete'
      : watch.version.operation !== 'delete' && audit.sha256 !== null && audit.sha256 === watch.sha256;
  return sameChange && Math.abs(millis(audit.version) - millis(watch.version)) <= SAME_WRITE_MS;
}

/**
 * This machine's audit versions and the Watch tab's, newest first, each watch event that records an audited
 * write (the same value at about the same time) folded into that audit entry, which then says so.
 */
export function mergeVersions(audit: Sourced[], watch: Sourced[]): HistoryVersion[] {
  const folded = new Set<Sourced>();
  const merged: HistoryVersion[] = audit.map((entry) => {
    const seen = watch.find((event) => !folded.has(event) && duplicates(entry, event));
    if (seen === undefined) return entry.version;
    folded.add(seen);
    const own = entry.version.note?.trim() ?? '';
    const note =
      own === ''
        ? say(AUDIT_SENTENCES, 'historyWatchSawTooAlone')
        : say(AUDIT_SENTENCES, 'historyWatchSawToo', { note: own });
    return { ...entry.version, note, version: entry.version.version ?? seen.version.version };
  });
  for (const event of watch) if (!folded.has(event)) merged.push(event.version);
  return merged.sort((a, b) => millis(b) - millis(a));
}
