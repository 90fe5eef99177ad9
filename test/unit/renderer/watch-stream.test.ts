import { describe, expect, it } from 'vitest';
import type { StreamEvent, StreamInfo } from '../../../shared/model/event-stream.js';
import { StreamFeed } from '../../../renderer/src/features/watch/stream-feed.js';
import { EventMirror } from '../../../renderer/src/features/watch/event-mirror.js';
import { EventRate, RATE_WINDOW_SECONDS } from '../../../renderer/src/features/watch/event-rate.js';
import {
  clockSeconds,
  connectionSentence,
  lossStarts,
  valueSize,
} from '../../../renderer/src/features/watch/event-row.js';
import { diffSide, sameValues } from '../../../renderer/src/features/watch/event-values.js';
import { exportFileName, exportText } from '../../../renderer/src/features/watch/stream-export.js';
import { CSV_HEADER } from '../../../shared/model/stream-records.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';
import { localeFormats } from '../../../renderer/src/i18n/locale-formats.js';

const en = createI18n('en').getFixedT('en', 'watch');
const enUS = localeFormats('en-US');
const zh = createI18n('zh-CN').getFixedT('zh-CN', 'watch');
/** The core's sentences as they came (the English UI shows them so). */
const same = (text: string) => text;

const value = (text: string) => ({
  size: Buffer.byteLength(text),
  sha256: `sha-${text}`,
  base64: Buffer.from(text).toString('base64'),
});

const event = (seq: number, over: Partial<StreamEvent> = {}): StreamEvent => ({
  seq,
  time: Date.UTC(2026, 0, 2, 12, 3, 4) + seq * 1000,
  type: 'changed',
  path: `/app/n${seq}`,
  mark: `0x${seq.toString(16)}`,
  version: String(seq),
  before: value(`v${seq - 1}`),
  beforeKnown: true,
  after: value(`v${seq}`),
  detail: null,
  ...over,
});

describe('event mirror', () => {
  it('keeps the newest events up to its capacity and skips what it has seen', () => {
    const mirror = new EventMirror(3);
    expect(mirror.append([event(1), event(2)])).toBe(2);
    const before = mirror.events;
    expect(mirror.append([event(2), event(3), event(4)])).toBe(2);
    expect(mirror.events.map((e) => e.seq)).toEqual([2, 3, 4]);
    // An earlier snapshot (a paused view) is not changed by later pushes.
    expect(before.map((e) => e.seq)).toEqual([1, 2]);
    expect(mirror.lastSeq).toBe(4);
    expect(mirror.append([event(3)])).toBe(0);
  });

  it('goes on after the sequence numbers a filtered read looked at, and after a clear', () => {
    const mirror = new EventMirror(10);
    mirror.seenUpTo(7);
    expect(mirror.append([event(5), event(8)])).toBe(1);
    mirror.clear();
    expect(mirror.events).toEqual([]);
    expect(mirror.append([event(8), event(9)])).toBe(1);
    expect(mirror.events.map((e) => e.seq)).toEqual([9]);
  });
});

describe('event rate', () => {
  it('counts events per second over the last minute and forgets older seconds', () => {
    const rate = new EventRate();
    const t0 = 1_000_000_000;
    rate.add(t0, 5);
    rate.add(t0 + 400, 3);
    rate.add(t0 + 1000, 2);
    const series = rate.series(t0 + 1500);
    expect(series).toHaveLength(RATE_WINDOW_SECONDS);
    expect(series.slice(-2)).toEqual([8, 2]);
    expect(rate.series(t0 + 60_000).reduce((a, b) => a + b, 0)).toBe(2);
    expect(rate.series(t0 + 61_000).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('event rows', () => {
  it('names a reconnection with the gap it closes', () => {
    const lost = event(1, { type: 'disconnected', detail: 'connection lost', before: null, after: null });
    const back = event(6, {
      type: 'reconnected',
      detail: 'events in the gap may be missing',
      before: null,
      after: null,
    });
    const starts = lossStarts([lost, event(2, { type: 'disconnected' }), back]);
    expect(starts.get(6)).toBe(lost.time);
    const sentence = connectionSentence(back, starts.get(6) ?? null, en, same);
    expect(sentence).toBe(
      `disconnected ${clockSeconds(lost.time)} – ${clockSeconds(back.time)} · events in the gap may be missing`,
    );
    expect(connectionSentence(lost, null, en, same)).toBe(
      `disconnected ${clockSeconds(lost.time)} · connection lost`,
    );
    // A store that names the gap itself is shown as it says it, not named twice.
    const named = { ...back, detail: 'disconnected 12:03:04 – 12:03:09; events in the gap may be missing' };
    expect(connectionSentence(named, starts.get(6) ?? null, en, same)).toBe(named.detail);
    // In Chinese the row's own words come from the catalogue, the core's detail through the reader.
    expect(connectionSentence(lost, null, zh, (text) => `«${text}»`)).toBe(
      `${clockSeconds(lost.time)} 断开 · «connection lost»`,
    );
  });

  it('shows sizes, unknown earlier values and values kept as their hash', () => {
    expect(valueSize(value('abc'), enUS)).toBe('3 bytes');
    expect(valueSize(null, enUS)).toBe('—');
    expect(valueSize(value('x'), enUS, false)).toBe('?');
    const big = { size: 100_000, sha256: 'abc123', base64: null };
    expect(diffSide(big, true, 'after', en, enUS).notice).toContain('kept as its size and SHA-256 only');
    expect(diffSide(big, true, 'after', en, enUS).notice).toContain('abc123');
    expect(diffSide(null, false, 'before', en, enUS).notice).toContain('not known');
    expect(diffSide(value('héllo'), true, 'after', en, enUS)).toEqual({ text: 'héllo', notice: null });
    expect(sameValues(event(3, { before: value('a'), after: value('a') }))).toBe(true);
    expect(sameValues(event(3))).toBe(false);
  });
});

describe('stream export', () => {
  it('writes NDJSON and CSV records with paths relative to the watched root', () => {
    const events = [
      event(1, { path: '/app/a,b' }),
      event(2, { type: 'deleted', path: '/app/x', after: null }),
    ];
    const ndjson = exportText(events, '/app', 'ndjson').trimEnd().split('\n');
    expect(ndjson).toHaveLength(2);
    const first = JSON.parse(ndjson[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ type: 'changed', path: '/a,b', version: '1', mark: '0x1' });
    expect(first.after).toEqual({ encoding: 'utf8', value: 'v1', size: 2 });
    const csv = exportText(events, '/app', 'csv').split('\r\n');
    expect(csv[0]).toBe(CSV_HEADER);
    expect(csv[1]).toContain(',changed,"/a,b",0x1,1,utf8,v0,2,utf8,v1,2,');
    expect(csv[2]).toContain(',deleted,/x,');
    expect(csv).toHaveLength(4);
    expect(exportFileName('/app/my conf', 'csv', Date.UTC(2026, 0, 2))).toMatch(
      /^watch-app-my-conf-2026010\d-\d{6}\.csv$/,
    );
  });
});

describe('stream feed', () => {
  const info = (lastSeq: number) => ({ lastSeq }) as unknown as StreamInfo;

  it('holds pushes that come during the first read, then appends them without gaps or doubles', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reads: number[] = [];
    let changes = 0;
    const feed = new StreamFeed(
      100,
      false,
      async (afterSeq) => {
        reads.push(afterSeq);
        await gate;
        return { events: [event(1), event(2)], info: info(2), more: false };
      },
      () => changes++,
    );
    feed.start();
    feed.push([event(2), event(3)]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    feed.push([event(4)]);
    expect(feed.snapshot().events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(feed.snapshot().loading).toBe(false);
    expect(reads).toEqual([0]);
    expect(changes).toBe(2);
  });

  it('reads from the core after each push when filtered, going on from what it looked at', async () => {
    const reads: number[] = [];
    const pages = [
      { events: [event(2)], info: info(5), more: false },
      { events: [], info: info(9), more: false },
      { events: [event(11)], info: info(11), more: false },
    ];
    const feed = new StreamFeed(
      100,
      true,
      async (afterSeq) => {
        reads.push(afterSeq);
        return pages.shift()!;
      },
      () => undefined,
    );
    feed.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    feed.push([event(6)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    feed.push([event(10), event(11)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toEqual([0, 5, 9]);
    expect(feed.snapshot().events.map((e) => e.seq)).toEqual([2, 11]);
    expect(feed.snapshot().lastSeq).toBe(11);
  });
});
