import { describe, expect, it } from 'vitest';
import { normalizeValue } from '../../../electron/core/sync/value.normalize.js';
import { comparisonHash, hashBytes } from '../../../electron/core/sync/value.hash.js';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');
const cmp = (text: string, mode: 'json' | 'yaml' | null): string =>
  comparisonHash(b(text), hashBytes(b(text)), mode);

describe('value normalisation', () => {
  it('compares JSON as data: key order and whitespace do not count', () => {
    expect(cmp('{"a":1,"b":[1,2]}', 'json')).toBe(cmp('{ "b": [1, 2],\n  "a": 1.0 }', 'json'));
    expect(cmp('{"a":1}', 'json')).not.toBe(cmp('{"a":2}', 'json'));
    expect(cmp('[1,2]', 'json')).not.toBe(cmp('[2,1]', 'json'));
  });

  it('keeps long integers exact', () => {
    expect(cmp('{"id":12345678901234567890}', 'json')).not.toBe(cmp('{"id":12345678901234567891}', 'json'));
    expect(cmp('{"id":12345678901234567890}', 'json')).toBe(cmp('{ "id": 12345678901234567890 }', 'json'));
  });

  it('compares YAML as data, JSON included, and multi-document streams document by document', () => {
    expect(cmp('a: 1\nb: [x, y]\n', 'yaml')).toBe(cmp('b:\n  - x\n  - y\na: 1', 'yaml'));
    expect(cmp('{"a": 1}', 'yaml')).toBe(cmp('a: 1', 'yaml'));
    expect(cmp('a: 1\n---\nb: 2\n', 'yaml')).not.toBe(cmp('b: 2\n---\na: 1\n', 'yaml'));
    expect(normalizeValue(b('x: .inf'), 'yaml')).not.toBe(normalizeValue(b('x: .nan'), 'yaml'));
  });

  it('compares what does not parse, binary and empty values as bytes', () => {
    expect(normalizeValue(b('{not json'), 'json')).toBeNull();
    expect(normalizeValue(Buffer.from([0xff, 0xfe]), 'yaml')).toBeNull();
    expect(normalizeValue(Buffer.alloc(0), 'json')).toBeNull();
    expect(normalizeValue(b('a: [1'), 'yaml')).toBeNull();
    expect(cmp('{not json', 'json')).toBe(`r:${hashBytes(b('{not json'))}`);
    // Bytes that happen to equal another value's canonical text still compare apart from it.
    expect(cmp('{"a":1}', null)).not.toBe(cmp('{"a":1}', 'json'));
  });
});
