import { describe, expect, it } from 'vitest';
import { parseEndpoint } from './etcd.options.js';
import { END_OF_KEYSPACE, pathOfKey, prefixRange, rangesFrom, resolvePath } from './etcd.paths.js';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('etcd path mapping', () => {
  it('maps slash-rooted paths to the same key and their children to `key/`', () => {
    const node = resolvePath('/a/b');
    expect(node.key).toEqual(b('/a/b'));
    expect(node.level.prefix).toEqual(b('/a/b/'));
    expect(node.level.ranges).toEqual([{ start: b('/a/b/'), end: b('/a/b0') }]);
    expect(pathOfKey(b('/a/b'))).toBe('/a/b');
  });

  it('maps keys without a leading slash under the synthetic folder and back', () => {
    expect(pathOfKey(b('foo/bar'))).toBe('/(no leading slash)/foo/bar');
    expect(resolvePath('/(no leading slash)/foo/bar').key).toEqual(b('foo/bar'));
    const folder = resolvePath('/(no leading slash)');
    expect(folder.key).toBeNull();
    expect(folder.level.ranges).toEqual([
      { start: Buffer.from([0]), end: b('/') },
      { start: b('0'), end: END_OF_KEYSPACE },
    ]);
  });

  it('treats the root as key "/" with every key below it', () => {
    const root = resolvePath('/');
    expect(root.isRoot).toBe(true);
    expect(root.level.ranges).toEqual([{ start: b('/'), end: b('0') }]);
    expect(root.below.at(-1)?.end).toEqual(END_OF_KEYSPACE);
  });

  it('refuses paths with empty names or a trailing slash', () => {
    for (const path of ['a', '/a/', '/a//b', '']) {
      expect(() => resolvePath(path)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });

  it('computes prefix ranges on bytes, carrying over 0xff', () => {
    expect(prefixRange(b('ab'))).toEqual({ start: b('ab'), end: b('ac') });
    expect(prefixRange(Buffer.from([0x61, 0xff]))).toEqual({ start: Buffer.from([0x61, 0xff]), end: b('b') });
    expect(prefixRange(Buffer.from([0xff])).end).toEqual(END_OF_KEYSPACE);
  });

  it('continues a multi-range level from a key inside or between ranges', () => {
    const ranges = resolvePath('/(no leading slash)').level.ranges;
    expect(rangesFrom(ranges, b('.x'))).toEqual([
      { start: b('.x'), end: b('/') },
      { start: b('0'), end: END_OF_KEYSPACE },
    ]);
    expect(rangesFrom(ranges, b('/z'))).toEqual([{ start: b('0'), end: END_OF_KEYSPACE }]);
    expect(rangesFrom(ranges, b('zz'))).toEqual([{ start: b('zz'), end: END_OF_KEYSPACE }]);
  });
});

describe('etcd endpoints', () => {
  it('accepts host:port with an optional scheme and IPv6 brackets', () => {
    expect(parseEndpoint('127.0.0.1:2379')).toEqual({ secure: false, hostPort: '127.0.0.1:2379' });
    expect(parseEndpoint('https://etcd.example:2379')).toEqual({
      secure: true,
      hostPort: 'etcd.example:2379',
    });
    expect(parseEndpoint('[::1]:2379')).toEqual({ secure: false, hostPort: '[::1]:2379' });
  });

  it('refuses anything else with INVALID_INPUT', () => {
    for (const endpoint of ['localhost', 'host:0', 'host:70000', 'ftp://host:1', 'a b:1']) {
      expect(() => parseEndpoint(endpoint)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});
