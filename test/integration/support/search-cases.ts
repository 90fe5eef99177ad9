// The search cases every store runs through the contract (search.start → search.result), on one dataset.
import { expect, it } from 'vitest';
import type { SourceRef } from '../../../shared/model/compare.js';
import {
  SearchProgressSchema,
  type SearchMatch,
  type SearchRequest,
  type SearchResult,
} from '../../../shared/model/search.js';
import type { CoreClient } from './core-client.js';
import { freePort } from '../../servers/free-port.js';

/** The dataset below each store's search root (Nacos: groups and dataIds of one namespace). */
export const SEARCH_KEYS: Record<string, string> = {
  '/app/db.json': '{"db":{"host":"db.internal","port":5432},"tags":["blue","green"]}',
  '/app/greeting.txt': 'Hello Wörld 😀\nsecond line with the NEEDLE in it',
  '/web/port': '8080',
  '/web/url': 'http://web.internal:8080/path',
  '/ünïcode/ключ': 'значение ключа ✓',
};
/** A value that is not UTF-8 (where the store can hold one: not Nacos). */
export const BINARY_KEY = { path: '/app/blob.bin', value: Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x6e]) };
/** Keys below the bulk root: enough pages that a cancel lands mid-search. */
export const BULK_COUNT = 3000;

export interface SearchFixture {
  client: CoreClient;
  /** The dataset's root. */
  source: SourceRef;
  /** The bulk keys' root (BULK_COUNT keys holding `{"i":N}`). */
  bulk: SourceRef;
  /** A connection to a port nothing listens on, of the same kind. */
  dead: SourceRef;
  /** Whether BINARY_KEY was seeded. */
  binary: boolean;
  /** Words the store's scan note names (`prefix pages`, `pipelined`). */
  note: RegExp;
  /** The code a search of `dead` fails with. */
  deadCode: RegExp;
}

/** What differs between stores in a live-store fixture. */
export interface LiveFixtureOptions {
  kind: 'zookeeper' | 'etcd' | 'consul' | 'nacos';
  endpoint: string;
  sessionTimeoutMs: number;
  /** Roots of the dataset and of the bulk keys in the store. */
  root: string;
  bulkRoot: string;
  binary: boolean;
  note: RegExp;
}

/**
 * Saves a profile of the live store and one of a dead endpoint of the same kind, and names the sources the
 * cases search (a dead connection fails with UNREACHABLE or TIMEOUT).
 */
export async function liveFixture(client: CoreClient, options: LiveFixtureOptions): Promise<SearchFixture> {
  const save = async (name: string, endpoint: string): Promise<string> =>
    (
      await client.call('connections.save', {
        name,
        kind: options.kind,
        endpoints: [endpoint],
        sessionTimeoutMs: options.sessionTimeoutMs,
      })
    ).id;
  const id = await save(options.kind, options.endpoint);
  const dead = await save(`${options.kind}-dead`, `127.0.0.1:${await freePort()}`);
  return {
    client,
    source: { type: 'connection', connectionId: id, path: options.root },
    bulk: { type: 'connection', connectionId: id, path: options.bulkRoot },
    dead: { type: 'connection', connectionId: dead, path: '/' },
    binary: options.binary,
    note: options.note,
    deadCode: /UNREACHABLE|TIMEOUT/,
  };
}

export interface SearchCaseOptions {
  /** Whether the source's walk yields between pages (a snapshot is searched in one go: no cancel midway). */
  cancellable: boolean;
}

/** Starts a search and polls it to its end; returns every match. */
export async function searchToEnd(client: CoreClient, request: SearchRequest): Promise<SearchResult> {
  const { searchId } = await client.call('search.start', request);
  for (let i = 0; i < 600; i++) {
    const result = await client.call('search.result', { searchId, offset: 0, limit: 5000 });
    if (result.progress.state !== 'running') return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`search ${searchId} did not end`);
}

const paths = (result: SearchResult): string[] => result.matches.map((match) => match.path).sort();
const marked = (match: SearchMatch): string[] =>
  match.ranges.map(([start, end]) => match.excerpt.slice(start, end));

/** Registers the cases; `fixture` is read when they run (after the file's beforeAll). */
export function searchCases(fixture: () => SearchFixture, options: SearchCaseOptions): void {
  const run = (request: Omit<SearchRequest, 'source'>, source?: SourceRef): Promise<SearchResult> =>
    searchToEnd(fixture().client, { source: source ?? fixture().source, ...request });

  it('finds paths by substring, glob and regex, folders included, and names how it scanned', async () => {
    const substring = await run({ path: { mode: 'substring', text: 'db' } });
    expect(substring.progress).toMatchObject({ state: 'done', matched: 1, truncated: false, error: null });
    expect(substring.matches[0]).toMatchObject({
      path: '/app/db.json',
      field: 'path',
      excerpt: '/app/db.json',
    });
    expect(marked(substring.matches[0]!)).toEqual(['db']);
    expect(substring.progress.notes[0]).toMatch(fixture().note);
    const scanned = 3 + Object.keys(SEARCH_KEYS).length + (fixture().binary ? 1 : 0);
    expect(substring.progress.scanned).toBe(scanned);
    expect(paths(await run({ path: { mode: 'glob', text: '*.json' } }))).toEqual(['/app/db.json']);
    expect(paths(await run({ path: { mode: 'glob', text: '/web/*' } }))).toEqual(['/web/port', '/web/url']);
    expect(paths(await run({ path: { mode: 'glob', text: '/web' } }))).toEqual(['/web']);
    expect(paths(await run({ path: { mode: 'regex', text: '^/web/(port|url)$' } }))).toEqual([
      '/web/port',
      '/web/url',
    ]);
  });

  it('matches paths case-insensitively unless asked, unicode included', async () => {
    expect(paths(await run({ path: { mode: 'substring', text: 'GREETING' } }))).toEqual([
      '/app/greeting.txt',
    ]);
    expect(
      (await run({ path: { mode: 'substring', text: 'GREETING' }, caseSensitive: true })).progress.matched,
    ).toBe(0);
    expect(paths(await run({ path: { mode: 'substring', text: 'ÜNÏCODE' } }))).toEqual([
      '/ünïcode',
      '/ünïcode/ключ',
    ]);
    const key = await run({ path: { mode: 'substring', text: 'КЛЮЧ' } });
    expect(key.matches[0]).toMatchObject({ path: '/ünïcode/ключ' });
    expect(marked(key.matches[0]!)).toEqual(['ключ']);
    expect(key.matches[0]!.storePath.endsWith('/ünïcode/ключ')).toBe(true);
  });

  it('finds values by substring and regex with a one-line excerpt, case and unicode respected', async () => {
    const needle = await run({ value: { mode: 'substring', text: 'needle' } });
    expect(paths(needle)).toEqual(['/app/greeting.txt']);
    const match = needle.matches[0]!;
    expect(match).toMatchObject({ field: 'value', pointer: null, more: 0 });
    expect(match.excerpt).toBe('Hello Wörld 😀⏎second line with the NEEDLE in it');
    expect(marked(match)).toEqual(['NEEDLE']);
    expect(
      (await run({ value: { mode: 'substring', text: 'needle' }, caseSensitive: true })).progress.matched,
    ).toBe(0);
    const regex = await run({ value: { mode: 'regex', text: 'web\\.internal:\\d+' } });
    expect(paths(regex)).toEqual(['/web/url']);
    expect(marked(regex.matches[0]!)).toEqual(['web.internal:8080']);
    const unicode = await run({ value: { mode: 'substring', text: 'ЗНАЧЕНИЕ' } });
    expect(marked(unicode.matches[0]!)).toEqual(['значение']);
    const emoji = await run({ value: { mode: 'regex', text: 'W.rld .' } });
    expect(marked(emoji.matches[0]!)).toEqual(['Wörld 😀']);
  });

  it('leaves binary values out of a value search and says so', async () => {
    const all = await run({ value: { mode: 'regex', text: '.' } });
    expect(all.progress.matched).toBe(Object.keys(SEARCH_KEYS).length);
    if (!fixture().binary) {
      expect(all.progress.skippedBinary).toBe(0);
      return;
    }
    expect(all.progress.skippedBinary).toBe(1);
    expect(all.progress.notes).toContain('1 binary value (not UTF-8 text) was left out of the value search.');
    // A path search still finds it.
    expect(paths(await run({ path: { mode: 'substring', text: 'blob' } }))).toEqual(['/app/blob.bin']);
  });

  it('matches keys and values inside JSON documents with their pointers', async () => {
    const key = await run({ value: { mode: 'substring', text: 'host', json: true } });
    expect(key.matches).toHaveLength(1);
    expect(key.matches[0]).toMatchObject({
      path: '/app/db.json',
      field: 'json-key',
      pointer: '/db/host',
      more: 0,
    });
    const number = await run({ value: { mode: 'regex', text: '^5432$', json: true } });
    expect(number.matches[0]).toMatchObject({ field: 'json-value', pointer: '/db/port', excerpt: '5432' });
    const element = await run({ value: { mode: 'substring', text: 'GREEN', json: true } });
    expect(element.matches[0]).toMatchObject({ field: 'json-value', pointer: '/tags/1', excerpt: 'green' });
    // JSON syntax is not text to match, and values that are not JSON are searched as text.
    expect((await run({ value: { mode: 'substring', text: '":{', json: true } })).progress.matched).toBe(0);
    expect(paths(await run({ value: { mode: 'substring', text: 'needle', json: true } }))).toEqual([
      '/app/greeting.txt',
    ]);
  });

  it('needs both the path and the value to match when both are given', async () => {
    const both = await run({
      path: { mode: 'substring', text: 'web' },
      value: { mode: 'substring', text: '8080' },
    });
    expect(paths(both)).toEqual(['/web/port', '/web/url']);
    expect(both.matches.every((match) => match.field === 'value')).toBe(true);
    const none = await run({
      path: { mode: 'substring', text: 'app' },
      value: { mode: 'substring', text: '8080' },
    });
    expect(none.progress.matched).toBe(0);
  });

  it('stops at maxMatches and says the search was truncated', async () => {
    const result = await run({ path: { mode: 'regex', text: '.' }, maxMatches: 2 });
    expect(result.progress).toMatchObject({ state: 'done', matched: 2, truncated: true });
    expect(result.matches).toHaveLength(2);
    expect(result.progress.notes.some((note) => note.startsWith('The search stopped at 2 matches'))).toBe(
      true,
    );
    const exact = await run({ path: { mode: 'glob', text: '/web/*' }, maxMatches: 2 });
    expect(exact.progress).toMatchObject({ matched: 2, truncated: false });
  });

  it('reads matches page by page and reports progress events, the last one final', async () => {
    const { client } = fixture();
    const result = await run({ value: { mode: 'regex', text: '"i":\\d*7\\b' } }, fixture().bulk);
    expect(result.progress).toMatchObject({ state: 'done', matched: BULK_COUNT / 10, scanned: BULK_COUNT });
    const { searchId } = result.progress;
    const page = await client.call('search.result', { searchId, offset: 100, limit: 50 });
    expect(page.matches).toEqual(result.matches.slice(100, 150));
    const events = client.events.filter(
      (event) =>
        event.event === 'search.progress' && (event.payload as { searchId: string }).searchId === searchId,
    );
    expect(events.at(-1)!.payload).toMatchObject({ state: 'done', matched: BULK_COUNT / 10 });
    // Every event is what the contract declares for search.progress.
    for (const event of events) expect(SearchProgressSchema.safeParse(event.payload).success).toBe(true);
    expect(await client.call('search.cancel', { searchId })).toEqual({ cancelled: false });
    expect(await client.call('search.remove', { searchId })).toEqual({ removed: true });
    expect((await client.failure('search.result', { searchId, offset: 0, limit: 1 })).code).toBe('NOT_FOUND');
  });

  // Only where the walk yields between pages (a snapshot file is searched in one go).
  if (options.cancellable) {
    it('cancels mid-search, keeping what it found', async () => {
      const { client } = fixture();
      let searchId = '';
      let asked = false;
      const cancelled = new Promise<void>((resolve) => {
        const stop = client.core.onEvent((event, payload) => {
          const progress = payload as { searchId?: string; state?: string; scanned?: number };
          if (event !== 'search.progress' || progress.searchId !== searchId || asked) return;
          if (progress.state === 'running' && (progress.scanned ?? 0) > 0) {
            asked = true;
            stop();
            void client.call('search.cancel', { searchId }).then(() => resolve());
          }
        });
      });
      ({ searchId } = await client.call('search.start', {
        source: fixture().bulk,
        value: { mode: 'substring', text: '"i"' },
      }));
      await cancelled;
      let result: SearchResult;
      do result = await client.call('search.result', { searchId, offset: 0, limit: 5000 });
      while (result.progress.state === 'running');
      expect(result.progress.state).toBe('cancelled');
      expect(result.progress.scanned).toBeGreaterThan(0);
      expect(result.progress.scanned).toBeLessThan(BULK_COUNT);
      expect(result.matches.length).toBe(result.progress.matched);
    });
  }

  it('fails with one sentence on a dead source, and refuses a bad regex at once', async () => {
    const dead = await run({ path: { mode: 'substring', text: 'x' } }, fixture().dead);
    expect(dead.progress.state).toBe('failed');
    expect(dead.progress.error?.code).toMatch(fixture().deadCode);
    expect(dead.progress.error?.message).toMatch(/^[^\n]+\.$/);
    const bad = await fixture().client.failure('search.start', {
      source: fixture().source,
      value: { mode: 'regex', text: '[unclosed' },
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/^The value regex "\[unclosed" is not valid \(.+\)\.$/);
  });
}
