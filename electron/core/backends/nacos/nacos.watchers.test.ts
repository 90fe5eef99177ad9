import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import { groupKeyPath } from './nacos.diagnostics.js';
import { configEvent } from './nacos.stream.events.js';
import { listenerWatchers, publisherOf, publishTime } from './nacos.watchers.join.js';

const at = (hh: number, mm: number): string => new Date(2026, 11, 2, hh, mm).toISOString();
const NOW = new Date(2026, 11, 2, 15, 0).getTime();
const entry = (
  id: string,
  time: string,
  operation: HistoryEntry['operation'],
  md5: string,
  author: string,
): HistoryEntry => ({
  id,
  source: 'server',
  time,
  operation,
  md5,
  author,
  revision: null,
  version: null,
  size: null,
  restorable: true,
  note: null,
});

describe('Nacos listeners as watchers', () => {
  // r-nacos's console history: each row is a version as published, newest first.
  const published = [
    entry('3', at(14, 30), 'update', 'm3', 'carol'),
    entry('2', at(14, 2), 'update', 'm2', 'alice'),
  ];

  it('names the publish of a stale version, and marks the current one', () => {
    const watchers = listenerWatchers(
      {
        path: '/public/G/app.yaml',
        currentMd5: 'm3',
        listeners: [
          { client: '10.1.2.3', md5: 'm2', inSync: false },
          { client: '10.1.2.4', md5: 'm3', inSync: true },
        ],
      },
      published,
      'published',
      NOW,
    );
    expect(watchers).toEqual([
      {
        sessionId: null,
        client: '10.1.2.3',
        member: null,
        kind: 'listener',
        watchedPath: '/public/G/app.yaml',
        holds: 'm2',
        current: false,
        detail: '10.1.2.3 still holds the version published at 14:02 by alice.',
      },
      expect.objectContaining({ client: '10.1.2.4', holds: 'm3', current: true }),
    ]);
  });

  it('reads Nacos v1 history rows as the content they replaced', () => {
    // v1: an insert row holds what it wrote; an update row holds what it replaced (published by the row before).
    const v1 = [
      entry('12', at(14, 30), 'update', 'm2', 'carol'),
      entry('11', at(14, 2), 'update', 'm1', 'alice'),
      entry('10', at(13, 0), 'create', 'm1', 'bob'),
    ];
    expect(publisherOf(v1, 'm2', 'nacos-v1')?.author).toBe('alice');
    expect(publisherOf(v1, 'm1', 'nacos-v1')?.author).toBe('bob');
    expect(publisherOf(v1, 'm0', 'nacos-v1')).toBeNull();
  });

  it('says when a stale version is older than the history, or the server keeps none', () => {
    const report = {
      path: '/public/G/a',
      currentMd5: 'm3',
      listeners: [{ client: '10.0.0.9', md5: 'abcdef0123', inSync: false }],
    };
    expect(listenerWatchers(report, published, 'published', NOW)[0]!.detail).toMatch(
      /older than the history kept/,
    );
    expect(listenerWatchers(report, null, 'published', NOW)[0]!.detail).toMatch(/keeps no history/);
    expect(publishTime(new Date(2026, 10, 30, 9, 5).toISOString(), NOW)).toBe('2026-11-30 09:05');
  });

  it('maps listener group keys and stream changes', () => {
    expect(groupKeyPath('app.yaml+DEFAULT_GROUP')).toBe('/public/DEFAULT_GROUP/app.yaml');
    expect(groupKeyPath('a%2Bb+G+dev')).toBe('/dev/G/a+b');
    const v1 = { md5: 'x1', content: Buffer.from('1') };
    expect(configEvent('/p/g/d', v1, { md5: 'x1', content: Buffer.from('1') }, null)).toBeNull();
    expect(configEvent('/p/g/d', v1, null, null)).toMatchObject({ type: 'deleted', mark: null });
    expect(configEvent('/p/g/d', null, v1, null)).toMatchObject({
      type: 'created',
      mark: 'x1',
      version: 'x1',
    });
  });
});
