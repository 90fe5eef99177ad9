import { describe, expect, it } from 'vitest';
import { parseEndpoint, parseEndpoints } from './consul.endpoints.js';
import { parseLevel } from './consul.levels.js';
import { kvPath, resolvePath } from './consul.paths.js';
import { kvJson } from './consul.schemas.js';

describe('Consul path mapping', () => {
  it('maps a path to its plain key and its folder key', () => {
    expect(resolvePath('/a/b')).toEqual({ path: '/a/b', key: 'a/b', folderKey: 'a/b/', isRoot: false });
    expect(resolvePath('/')).toEqual({ path: '/', key: '', folderKey: '', isRoot: true });
  });

  it('refuses paths that cannot name a key', () => {
    for (const path of ['a', '/a/', '/a//b', '', '/a/./b', '/..', '/a\u0000']) {
      expect(() => resolvePath(path)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });

  it('URL-encodes each level of a key and keeps the separators and a trailing slash', () => {
    expect(kvPath('naïve space/ключ')).toBe('/v1/kv/na%C3%AFve%20space/%D0%BA%D0%BB%D1%8E%D1%87');
    expect(kvPath('a?b#c/d%e+f/')).toBe('/v1/kv/a%3Fb%23c/d%25e%2Bf/');
    expect(kvPath('')).toBe('/v1/kv/');
  });
});

describe('Consul levels', () => {
  it('merges a key and a folder of the same name and sorts by name', () => {
    const level = parseLevel('mix/', ['mix/', 'mix/a', 'mix/a!b', 'mix/a/', 'mix/b/', 'mix//', 'mix/c']);
    expect(level.selfKey).toBe(true);
    expect(level.entries).toEqual([
      { name: 'a', plain: true, folder: true },
      { name: 'a!b', plain: true, folder: false },
      { name: 'b', plain: false, folder: true },
      { name: 'c', plain: true, folder: false },
    ]);
  });

  it('merges and orders a level in key order the same as one out of order, folders moved among keys', () => {
    const keys = ['lv/a', 'lv/a!', 'lv/a!b/', 'lv/a"/', 'lv/a/', 'lv/ab', 'lv/b!', 'lv/b/', 'lv/c', 'lv/c/'];
    const inOrder = parseLevel('lv/', keys);
    expect(inOrder.entries).toEqual([
      { name: 'a', plain: true, folder: true },
      { name: 'a!', plain: true, folder: false },
      { name: 'a!b', plain: false, folder: true },
      { name: 'a"', plain: false, folder: true },
      { name: 'ab', plain: true, folder: false },
      { name: 'b', plain: false, folder: true },
      { name: 'b!', plain: true, folder: false },
      { name: 'c', plain: true, folder: true },
    ]);
    expect(parseLevel('lv/', [...keys].reverse())).toEqual(inOrder);
    // A generated level: every name with a key, a folder, or both, and keys that sort between them.
    const generated: string[] = [];
    for (let i = 0; i < 300; i++) {
      const name = `g/${(i * 7919) % 1000}`;
      if (i % 3 !== 0) generated.push(name);
      if (i % 4 === 0) generated.push(`${name}!`, `${name}-x/`);
      if (i % 3 !== 1) generated.push(`${name}/`);
    }
    generated.sort();
    const fast = parseLevel('g/', generated);
    expect(parseLevel('g/', [...generated].reverse())).toEqual(fast);
    const names = fast.entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
  });

  it('lists the root level from the empty prefix', () => {
    expect(parseLevel('', ['a/', 'b', '/x/']).entries.map((e) => e.name)).toEqual(['a', 'b']);
  });
});

describe('Consul answers', () => {
  it('keeps 64-bit flags and indexes exact, and only touches property names', () => {
    const text = '[{"Key":"say \\"Flags\\":1","Flags":18446744073709551615,"ModifyIndex":12,"Value":null}]';
    expect(JSON.parse(kvJson(text))).toEqual([
      { Key: 'say "Flags":1', Flags: '18446744073709551615', ModifyIndex: '12', Value: null },
    ]);
  });
});

describe('Consul endpoints', () => {
  it('accepts host:port with an optional scheme and IPv6 brackets', () => {
    expect(parseEndpoint('127.0.0.1:8500')).toMatchObject({ secure: false, host: '127.0.0.1', port: 8500 });
    expect(parseEndpoint('https://consul.example:8501/')).toMatchObject({
      secure: true,
      hostPort: 'consul.example:8501',
    });
    expect(parseEndpoint('[::1]:8500')).toMatchObject({ host: '::1', hostPort: '[::1]:8500' });
    expect(parseEndpoints(['a:1', 'http://b:2'], true).every((e) => e.secure)).toBe(true);
  });

  it('refuses anything else with INVALID_INPUT', () => {
    for (const endpoint of [
      'localhost',
      'host:0',
      'host:70000',
      'ftp://host:1',
      'a b:1',
      'http://:8500',
      'u@h:1',
    ]) {
      expect(() => parseEndpoint(endpoint)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});
