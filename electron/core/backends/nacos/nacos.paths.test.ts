import { describe, expect, it } from 'vitest';
import { normalizeContextPath, parseEndpoints } from './nacos.endpoints.js';
import { changedKeys, keyOf, listeningConfigs } from './nacos.listening.js';
import { assertName, resolvePath, type ConfigNode } from './nacos.paths.js';
import { typeForDataId } from './nacos.values.js';

describe('Nacos paths', () => {
  it('maps /<namespace>/<group>/<dataId>, with public as the empty tenant', () => {
    expect(resolvePath('/')).toEqual({ depth: 0, path: '/' });
    expect(resolvePath('/public')).toMatchObject({ depth: 1, namespace: { segment: 'public', tenant: '' } });
    expect(resolvePath('/dev/DEFAULT_GROUP/app.yaml')).toMatchObject({
      depth: 3,
      namespace: { segment: 'dev', tenant: 'dev' },
      group: 'DEFAULT_GROUP',
      dataId: 'app.yaml',
    });
    expect(() => resolvePath('/a/b/c/d')).toThrow(/deeper than Nacos goes/);
  });

  it('accepts the names Nacos accepts and refuses the others', () => {
    for (const name of ['app.yaml', 'svc:prod-1', 'конфиг.json', '配置_1'])
      expect(() => assertName('dataId', name)).not.toThrow();
    for (const name of ['a b', 'a/b', 'a?b', 'x'.repeat(257)])
      expect(() => assertName('dataId', name)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('declares a new config with the type of its extension', () => {
    expect(typeForDataId('app.yml')).toBe('yaml');
    expect(typeForDataId('a.b.JSON')).toBe('json');
    expect(typeForDataId('app.properties')).toBe('properties');
    expect(typeForDataId('noextension')).toBe('text');
  });
});

describe('Nacos endpoints', () => {
  it('parses host:port with an optional scheme and refuses paths and junk', () => {
    expect(
      parseEndpoints(['127.0.0.1:8848', 'https://nacos.example.com:443'], false).map((s) => s.origin),
    ).toEqual(['http://127.0.0.1:8848', 'https://nacos.example.com:443']);
    expect(parseEndpoints(['[::1]:8848'], true)[0]!.origin).toBe('https://[::1]:8848');
    for (const bad of ['localhost', '127.0.0.1:0', 'h:70000', 'http://h:8848/nacos', 'bad host:1'])
      expect(() => parseEndpoints([bad], false)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('defaults the context path to /nacos', () => {
    expect(normalizeContextPath(null)).toBe('/nacos');
    expect(normalizeContextPath('/cfg/')).toBe('/cfg');
    expect(() => normalizeContextPath('nacos')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('Nacos listener wire format', () => {
  const node = (path: string): ConfigNode => resolvePath(path) as ConfigNode;

  it('writes Listening-Configs with the tenant only outside public', () => {
    const text = listeningConfigs([
      { node: node('/public/G/a.json'), md5: 'm1' },
      { node: node('/dev/G/b'), md5: '' },
    ]);
    expect(text).toBe('a.json\u0002G\u0002m1\u0001b\u0002G\u0002\u0002dev\u0001');
  });

  it('reads the changed keys of a form-encoded answer', () => {
    const body = encodeURIComponent('a.json\u0002G\u0001b\u0002G\u0002dev\u0001') + '\n';
    expect(changedKeys(body)).toEqual([keyOf(node('/public/G/a.json')), keyOf(node('/dev/G/b'))]);
    expect(changedKeys('')).toEqual([]);
    expect(changedKeys('%E0%A4%A')).toBeNull();
  });
});
