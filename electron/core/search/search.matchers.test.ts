import { describe, expect, it } from 'vitest';
import { SEARCH_EXCERPT_CONTEXT } from '../../../shared/model/search.js';
import { isAppError } from '../../../shared/errors.js';
import { NodeMatcher, type MatchBody } from './node.matcher.js';
import { excerptOf } from './search.excerpt.js';
import { jsonHits, parseJson } from './json.matches.js';
import { compilePathPattern, compileTextPattern } from './search.pattern.js';
import { findMatches } from './text.matches.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const shown = (match: MatchBody): string[] =>
  match.ranges.map(([start, end]) => match.excerpt.slice(start, end));

function matcher(request: Parameters<typeof NodeMatcher.compile>[0]): NodeMatcher {
  return NodeMatcher.compile(request);
}

describe('path patterns (relative paths)', () => {
  it('matches a substring, case-insensitively unless asked', () => {
    const loose = matcher({ path: { mode: 'substring', text: 'DB' }, caseSensitive: false });
    expect(shown(loose.key('/app/db/host', bytes('x')) as MatchBody)).toEqual(['db']);
    const strict = matcher({ path: { mode: 'substring', text: 'DB' }, caseSensitive: true });
    expect(strict.key('/app/db/host', bytes('x'))).toBeNull();
    expect(strict.folder('/app/DB')).toMatchObject({ field: 'path', excerpt: '/app/DB', ranges: [[5, 7]] });
  });

  it('matches a glob on the whole path: * within a name, ** across names, unanchored at any depth', () => {
    const json = matcher({ path: { mode: 'glob', text: '*.json' }, caseSensitive: false });
    expect(json.key('/a/b/c.JSON', bytes(''))).not.toBeNull();
    expect(json.key('/a/b/c.json.bak', bytes(''))).toBeNull();
    const below = matcher({ path: { mode: 'glob', text: '/app/**/port' }, caseSensitive: true });
    expect(below.folder('/app/x/y/port')).not.toBeNull();
    expect(below.folder('/app/port')).not.toBeNull();
    expect(below.folder('/other/port')).toBeNull();
    const one = matcher({ path: { mode: 'glob', text: '/app/?' }, caseSensitive: true });
    expect(one.folder('/app/a')).not.toBeNull();
    expect(one.folder('/app/ab')).toBeNull();
  });

  it('matches a regex and names a bad one in one sentence', () => {
    const regex = matcher({ path: { mode: 'regex', text: '^/svc-\\d+$' }, caseSensitive: true });
    expect(regex.folder('/svc-12')).not.toBeNull();
    expect(regex.folder('/svc-x')).toBeNull();
    let thrown: unknown;
    try {
      compilePathPattern({ mode: 'regex', text: '(unclosed' }, true);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('INVALID_INPUT');
    expect((thrown as Error).message).toMatch(/^The path regex "\(unclosed" is not valid \(.+\)\.$/);
  });

  it('takes substrings literally, special characters included', () => {
    const regex = compileTextPattern({ mode: 'substring', text: 'a.b*(c)-/d' }, true, 'value');
    expect(findMatches(regex, 'xa.b*(c)-/dx axb')).toEqual([[1, 11]]);
  });

  it('keeps legacy regex syntax working where the unicode flag refuses it', () => {
    const regex = compileTextPattern({ mode: 'regex', text: 'a\\-b' }, true, 'value');
    expect(findMatches(regex, 'a-b')).toEqual([[0, 3]]);
  });
});

describe('value patterns', () => {
  it('finds every match and shows the first with the others inside the excerpt counted out of `more`', () => {
    const m = matcher({ value: { mode: 'substring', text: 'on', json: false }, caseSensitive: false });
    const match = m.key('/k', bytes('On and on and ON')) as MatchBody;
    expect(match.field).toBe('value');
    expect(shown(match)).toEqual(['On', 'on', 'ON']);
    expect(match.more).toBe(0);
  });

  it('counts matches far from the first as more', () => {
    const far = `${'x'.repeat(500)}needle`;
    const m = matcher({ value: { mode: 'substring', text: 'needle', json: false }, caseSensitive: true });
    const match = m.key('/k', bytes(`needle${far}${far}`)) as MatchBody;
    expect(match.ranges).toEqual([[0, 6]]);
    expect(match.more).toBe(2);
  });

  it('skips binary values for value search, and not for path search', () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    const value = matcher({ value: { mode: 'regex', text: '.', json: false }, caseSensitive: false });
    expect(value.key('/bin', binary)).toBe('binary');
    const path = matcher({ path: { mode: 'substring', text: 'bin' }, caseSensitive: false });
    expect(path.key('/bin', binary)).toMatchObject({ field: 'path' });
  });

  it('needs both patterns to match when both are given, and shows the value match', () => {
    const both = matcher({
      path: { mode: 'substring', text: 'db' },
      value: { mode: 'substring', text: '5432', json: false },
      caseSensitive: false,
    });
    expect(both.key('/db/port', bytes('5432'))).toMatchObject({ field: 'value', excerpt: '5432' });
    expect(both.key('/web/port', bytes('5432'))).toBeNull();
    expect(both.key('/db/port', bytes('3306'))).toBeNull();
    expect(both.folder('/db')).toBeNull();
  });

  it('matches unicode case-insensitively with offsets in UTF-16 units', () => {
    const m = matcher({ value: { mode: 'substring', text: 'ÜBER', json: false }, caseSensitive: false });
    const match = m.key('/k', bytes('😀 über 😀')) as MatchBody;
    expect(shown(match)).toEqual(['über']);
    expect(match.ranges).toEqual([[3, 7]]);
    const dot = matcher({ value: { mode: 'regex', text: '^.$', json: false }, caseSensitive: true });
    expect(dot.key('/k', bytes('😀'))).toMatchObject({ ranges: [[0, 2]] });
  });
});

describe('JSON-aware value search', () => {
  const m = matcher({ value: { mode: 'substring', text: 'host', json: true }, caseSensitive: false });

  it('matches keys and scalar values with their JSON pointers', () => {
    const doc = { db: { host: 'db.local', 'a/b~c': 'hostname' }, list: [1, 'localhost'] };
    const hits = jsonHits(doc, compileTextPattern({ mode: 'substring', text: 'host' }, false, 'value'));
    expect(hits.map((hit) => [hit.field, hit.pointer, hit.text])).toEqual([
      ['json-key', '/db/host', 'host'],
      ['json-value', '/db/a~1b~0c', 'hostname'],
      ['json-value', '/list/1', 'localhost'],
    ]);
    const match = m.key('/cfg', bytes(JSON.stringify(doc))) as MatchBody;
    expect(match).toMatchObject({ field: 'json-key', pointer: '/db/host', excerpt: 'host', more: 2 });
  });

  it('matches numbers and booleans as text, and a scalar document at the empty pointer', () => {
    const numbers = matcher({
      value: { mode: 'regex', text: '^54\\d\\d$', json: true },
      caseSensitive: true,
    });
    expect(numbers.key('/c', bytes('{"port":5432,"on":true}'))).toMatchObject({
      field: 'json-value',
      pointer: '/port',
      excerpt: '5432',
    });
    const bool = matcher({ value: { mode: 'substring', text: 'true', json: true }, caseSensitive: true });
    expect(bool.key('/c', bytes('true'))).toMatchObject({ field: 'json-value', pointer: '' });
  });

  it('does not match JSON syntax, and searches other values as text', () => {
    const quote = matcher({ value: { mode: 'substring', text: '":', json: true }, caseSensitive: true });
    expect(quote.key('/c', bytes('{"a":"b"}'))).toBeNull();
    expect(m.key('/c', bytes('host=a.b\nport=1'))).toMatchObject({ field: 'value', pointer: null });
    expect(parseJson('{broken')).toBeUndefined();
  });
});

describe('excerpts', () => {
  it('keeps SEARCH_EXCERPT_CONTEXT characters on each side, marks cuts and puts the value on one line', () => {
    const before = 'a'.repeat(100);
    const text = `${before}\nneedle\r\tafter${'b'.repeat(100)}`;
    const { excerpt, ranges } = excerptOf(text, [[101, 107]]);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain('⏎needle  after');
    expect(excerpt.length).toBe(2 + 2 * SEARCH_EXCERPT_CONTEXT + 6);
    expect(excerpt.slice(ranges[0]![0], ranges[0]![1])).toBe('needle');
  });

  it('never cuts a surrogate pair', () => {
    const emoji = '😀'.repeat(100);
    const text = `${emoji}X${emoji}`;
    const { excerpt, ranges } = excerptOf(text, [[200, 201]]);
    const inner = excerpt.slice(1, -1);
    expect(inner.length % 2).toBe(1);
    expect(Buffer.from(inner, 'utf8').toString('utf8')).toBe(inner);
    expect([...inner].every((char) => char === '😀' || char === 'X')).toBe(true);
    expect(excerpt.slice(ranges[0]![0], ranges[0]![1])).toBe('X');
  });

  it('cuts a very long match and shows no ellipsis for a short value', () => {
    const long = excerptOf('z'.repeat(1000), [[0, 1000]]);
    expect(long.excerpt.length).toBeLessThan(400);
    expect(long.ranges[0]![0]).toBe(0);
    expect(excerptOf('short value', [[6, 11]])).toEqual({ excerpt: 'short value', ranges: [[6, 11]] });
  });

  it('records an empty match once and moves on', () => {
    const regex = compileTextPattern({ mode: 'regex', text: 'x*' }, true, 'value');
    expect(findMatches(regex, 'ab')).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});
