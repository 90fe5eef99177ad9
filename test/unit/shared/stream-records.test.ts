import { describe, expect, it } from 'vitest';
import { streamValue } from '../../../electron/core/backends/kit/stream.value.js';
import type { StreamEvent } from '../../../shared/model/event-stream.js';
import { CSV_HEADER, csvRow, ndjsonLine, streamRecord } from '../../../shared/model/stream-records.js';

function event(path: string, before: Buffer | null, after: Buffer | null): StreamEvent {
  return {
    seq: 1,
    time: Date.UTC(2026, 11, 2, 12, 3, 4, 120),
    type: 'changed',
    path,
    mark: '0x1f',
    version: '3',
    before: streamValue(before),
    beforeKnown: true,
    after: streamValue(after),
    detail: null,
  };
}

describe('stream records (export and `configdeck watch --json`)', () => {
  it('makes paths relative to the watched root and values text, base64 or a hash', () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x61);
    const record = streamRecord(
      event('/app/db/url', Buffer.from('old ü'), Buffer.from([0xff, 0x00])),
      '/app',
    );
    expect(record).toMatchObject({
      time: '2026-12-02T12:03:04.120Z',
      path: '/db/url',
      before: { encoding: 'utf8', value: 'old ü', size: 6 },
      after: { encoding: 'base64', value: '/wA=', size: 2 },
    });
    const hashed = streamRecord(event('/app', null, big), '/app');
    expect(hashed.path).toBe('/');
    expect(hashed.before).toBeNull();
    expect(hashed.after).toEqual({ encoding: 'sha256', value: streamValue(big)!.sha256, size: 65537 });
    expect(streamRecord(event('/x', null, null), '/').path).toBe('/x');
    expect(JSON.parse(ndjsonLine(record))).toEqual(record);
  });

  it('quotes CSV fields with commas, quotes and newlines, one column per header name', () => {
    const record = streamRecord(event('/a', Buffer.from('x,"y"\nz'), Buffer.from('plain')), '/');
    const row = csvRow(record);
    expect(row).toContain('"x,""y""\nz"');
    expect(row.split(',').slice(0, 5)).toEqual(['2026-12-02T12:03:04.120Z', 'changed', '/a', '0x1f', '3']);
    expect(row.endsWith(',plain,5,')).toBe(true);
    expect(CSV_HEADER.split(',')).toHaveLength(12);
  });
});
