import { describe, expect, it } from 'vitest';
import type { SearchProgress } from '../../../shared/model/search.js';
import { laterProgress } from '../../../renderer/src/api/search-progress.js';
import { excerptSegments } from '../../../renderer/src/features/search/excerpt-segments.js';
import {
  EMPTY_SEARCH,
  toSearchRequest,
  withOpenConnection,
} from '../../../renderer/src/features/search/search-form.model.js';
import { SNAPSHOT } from '../../../renderer/src/features/compare/source-ref.js';
import { createI18n } from '../../../renderer/src/i18n/create-i18n.js';

const en = createI18n('en').getFixedT('en', 'search');

const progress = (over: Partial<SearchProgress>): SearchProgress => ({
  searchId: 's1',
  state: 'running',
  scanned: 0,
  matched: 0,
  skippedBinary: 0,
  truncated: false,
  elapsedMs: 0,
  error: null,
  notes: [],
  ...over,
});

describe('search excerpts', () => {
  it('cuts an excerpt at its matched ranges, clipping and merging bad ones', () => {
    expect(excerptSegments('host=db-1.prod', [[5, 9]])).toEqual([
      { text: 'host=', matched: false },
      { text: 'db-1', matched: true },
      { text: '.prod', matched: false },
    ]);
    expect(
      excerptSegments('abcdef', [
        [4, 99],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([
      { text: 'ab', matched: true },
      { text: 'c', matched: true },
      { text: 'd', matched: false },
      { text: 'ef', matched: true },
    ]);
    expect(excerptSegments('abc', [])).toEqual([{ text: 'abc', matched: false }]);
    expect(excerptSegments('abc', [[2, 2]])).toEqual([{ text: 'abc', matched: false }]);
  });
});

describe('search progress', () => {
  it('never takes a finished search back to running, nor its counts back down', () => {
    const done = progress({ state: 'done', scanned: 10, elapsedMs: 50 });
    expect(laterProgress(done, progress({ scanned: 5, elapsedMs: 20 }))).toBe(done);
    const running = progress({ scanned: 5, elapsedMs: 20 });
    expect(laterProgress(running, done)).toBe(done);
    expect(laterProgress(progress({ scanned: 8, elapsedMs: 30 }), running).scanned).toBe(8);
    expect(laterProgress(null, running)).toBe(running);
  });
});

describe('search form', () => {
  it('builds the request, following the open connection until another source is chosen', () => {
    const draft = withOpenConnection({ ...EMPTY_SEARCH, valueText: 'db-\\d', valueMode: 'regex' }, 'c1');
    expect(toSearchRequest(draft, en)).toEqual({
      request: {
        source: { type: 'connection', connectionId: 'c1', path: '/' },
        value: { mode: 'regex', text: 'db-\\d', json: false },
        caseSensitive: false,
      },
    });
    const snapshot = {
      ...draft,
      source: { connectionId: SNAPSHOT, location: '/tmp/a.json' },
      pathText: '*.json',
    };
    expect(toSearchRequest(withOpenConnection(snapshot, 'c1'), en)).toMatchObject({
      request: {
        source: { type: 'snapshot', file: '/tmp/a.json' },
        path: { mode: 'substring', text: '*.json' },
      },
    });
  });

  it('says what is missing in one sentence', () => {
    expect(toSearchRequest(EMPTY_SEARCH, en)).toEqual({
      problem: 'Choose a connection and a path, or a snapshot file, to search in.',
    });
    expect(toSearchRequest(withOpenConnection(EMPTY_SEARCH, 'c1'), en)).toEqual({
      problem: 'Type a path pattern, a value pattern, or both.',
    });
  });
});
