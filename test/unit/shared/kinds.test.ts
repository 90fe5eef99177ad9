import { describe, expect, it } from 'vitest';
import { BACKEND_KINDS, KIND_DESCRIPTORS, kindOfScheme } from '../../../shared/kinds/kinds.js';
import { BackendKindSchema } from '../../../shared/model/connection.js';
import { defaultDriverLoaders } from '../../../electron/core/backends/drivers.js';

describe('kind descriptors', () => {
  it('name every kind once, and the contract accepts exactly those kinds', () => {
    expect(BACKEND_KINDS).toEqual(['zookeeper', 'etcd', 'consul', 'nacos', 'snapshot']);
    expect(BackendKindSchema.options).toEqual(BACKEND_KINDS);
  });

  it('have a driver for every kind, and no driver without a descriptor', async () => {
    const loaders = Object.entries(defaultDriverLoaders());
    const kinds = await Promise.all(loaders.map(async ([, load]) => (await load()).kind));
    expect(kinds.sort()).toEqual([...BACKEND_KINDS].sort());
    expect(loaders.map(([kind]) => kind).sort()).toEqual([...BACKEND_KINDS].sort());
  });

  it('map each source URL scheme to its kind, and no scheme to two kinds', () => {
    const schemes = BACKEND_KINDS.flatMap((kind) => KIND_DESCRIPTORS[kind].source?.schemes ?? []);
    expect(new Set(schemes).size).toBe(schemes.length);
    expect(kindOfScheme('zk')).toBe('zookeeper');
    expect(kindOfScheme('zookeeper')).toBe('zookeeper');
    expect(kindOfScheme('nacos')).toBe('nacos');
    expect(kindOfScheme('file')).toBeNull();
  });

  it('say which stores need parents and which are always read-only', () => {
    const needParents = BACKEND_KINDS.filter((kind) => KIND_DESCRIPTORS[kind].parentsMustExist);
    const readOnly = BACKEND_KINDS.filter((kind) => KIND_DESCRIPTORS[kind].readOnly);
    expect(needParents).toEqual(['zookeeper']);
    expect(readOnly).toEqual(['snapshot']);
  });

  it('say which stores take TLS files and which may skip verification explicitly', () => {
    const tls = BACKEND_KINDS.filter((kind) => KIND_DESCRIPTORS[kind].tls);
    const insecure = BACKEND_KINDS.filter((kind) => KIND_DESCRIPTORS[kind].insecureTls);
    expect(tls).toEqual(['zookeeper', 'etcd', 'consul']);
    expect(insecure).toEqual(['zookeeper', 'consul']);
    // Skipping verification is a switch of the TLS fields: no kind offers it without them.
    expect(insecure.every((kind) => tls.includes(kind))).toBe(true);
    expect(KIND_DESCRIPTORS.zookeeper.authNote).toBe(
      'SASL/Kerberos is not supported; use digest auth or mTLS.',
    );
  });
});
