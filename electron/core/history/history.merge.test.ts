import { describe, expect, it } from 'vitest';
import type { HistoryVersion } from '../../../shared/model/history.js';
import { mergeVersions, type Sourced } from './history.merge.js';

function version(
  id: string,
  time: string,
  operation: HistoryVersion['operation'],
  note: string | null,
): HistoryVersion {
  return {
    id,
    source: id.startsWith('audit') ? 'audit' : 'watch',
    time,
    operation,
    md5: null,
    author: null,
    revision: null,
    version: id.startsWith('watch') ? '4' : null,
    size: null,
    restorable: true,
    note,
    valueBase64: null,
  };
}

const at = (seconds: number): string => new Date(Date.UTC(2026, 11, 2, 14, 0, seconds)).toISOString();

describe('merging audit and Watch tab versions', () => {
  it('folds a watch event into the audit entry with the same value at about the same time, newest first', () => {
    const audit: Sourced[] = [
      { version: version('audit:2', at(10), 'update', "This machine's audit entry 2."), sha256: 'b' },
      { version: version('audit:1', at(0), 'create', "This machine's audit entry 1."), sha256: 'a' },
    ];
    const watch: Sourced[] = [
      { version: version('watch:s:1', at(11), 'update', 'Recorded by a Watch tab stream.'), sha256: 'b' },
      { version: version('watch:s:2', at(30), 'update', 'Recorded by a Watch tab stream.'), sha256: 'c' },
      // The same value much later is another write (set back by someone else), not the audited one.
      { version: version('watch:s:3', at(50), 'update', 'Recorded by a Watch tab stream.'), sha256: 'a' },
    ];
    const merged = mergeVersions(audit, watch);
    expect(merged.map((v) => v.id)).toEqual(['watch:s:3', 'watch:s:2', 'audit:2', 'audit:1']);
    expect(merged[2]).toMatchObject({
      note: "This machine's audit entry 2. A Watch tab stream saw it too.",
      version: '4',
    });
  });
});
