import { describe, expect, it } from 'vitest';
import { parseSourceSpec, splitProfileReference } from '../../../electron/core/sources/source.spec.js';

describe('source specs', () => {
  it('parses store URLs with several servers, a path and credentials', () => {
    expect(parseSourceSpec('zk://h1:2181,h2:2182/app/config/')).toEqual({
      type: 'url',
      kind: 'zookeeper',
      endpoints: ['h1:2181', 'h2:2182'],
      path: '/app/config',
      username: null,
      password: null,
      label: 'zk://h1:2181,h2:2182/app/config/',
      server: 'zk://h1:2181,h2:2182',
    });
    const etcd = parseSourceSpec('etcd://root:s3cr%40t@127.0.0.1:2379');
    expect(etcd).toMatchObject({ kind: 'etcd', path: '/', username: 'root', password: 's3cr@t' });
    expect(etcd.label).toBe('etcd://root:***@127.0.0.1:2379');
    expect(etcd).toMatchObject({ server: 'etcd://root@127.0.0.1:2379' });
    expect(parseSourceSpec('consul://c:8500/kv')).toMatchObject({ kind: 'consul', path: '/kv' });
    expect(parseSourceSpec('nacos://n:8848/public/DEFAULT_GROUP')).toMatchObject({
      kind: 'nacos',
      path: '/public/DEFAULT_GROUP',
    });
  });

  it('parses profile references and snapshot files', () => {
    expect(parseSourceSpec('@prod eu/app')).toEqual({
      type: 'profile',
      reference: 'prod eu/app',
      label: '@prod eu/app',
    });
    expect(parseSourceSpec('file:./snap.json')).toEqual({
      type: 'file',
      file: './snap.json',
      label: 'file:./snap.json',
    });
  });

  it('refuses other forms in one sentence naming the accepted ones', () => {
    for (const bad of ['', 'redis://h:1/x', 'zk://nohost/x', 'zk://h:1//x', 'snapshot.json', '@', 'file:']) {
      expect(() => parseSourceSpec(bad)).toThrow(/is not a valid source .*zk:\/\/host:port/);
    }
  });

  it('matches the longest saved profile name, names with slashes included', () => {
    const names = ['prod', 'prod/eu', 'dev'];
    expect(splitProfileReference('prod/eu/app', names)).toEqual({ name: 'prod/eu', path: '/app' });
    expect(splitProfileReference('prod/app', names)).toEqual({ name: 'prod', path: '/app' });
    expect(splitProfileReference('dev', names)).toEqual({ name: 'dev', path: '/' });
    expect(splitProfileReference('staging/app', names)).toBeNull();
  });
});
