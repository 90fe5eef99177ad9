import { describe, expect, it } from 'vitest';
import { digestId } from './acl.digest.js';
import { aclProblems, parseAclEntry, removesOwnAdmin } from './acl.rules.js';

const WORLD = { scheme: 'world', id: 'anyone' };

describe('digestId', () => {
  it('matches the super digest of the ZooKeeper admin guide (super:test)', async () => {
    expect(await digestId('super', 'test')).toBe('super:D/InIHSb7yEEbrWz8b9l71RjZJU=');
  });

  it('keeps non-ASCII user names and passwords as UTF-8, as the server does', async () => {
    expect(await digestId('ops', 'pässwörd')).toBe('ops:cIpBCyayTv9jzbNHcRZSuVTdBHU=');
  });
});

describe('aclProblems', () => {
  it('accepts every scheme with a valid id', () => {
    expect(
      aclProblems([
        { scheme: 'world', id: 'anyone', permissions: 'r' },
        { scheme: 'digest', id: 'super:D/InIHSb7yEEbrWz8b9l71RjZJU=', permissions: 'rwcda' },
        { scheme: 'ip', id: '10.0.0.0/8', permissions: 'rw' },
        { scheme: 'auth', id: '', permissions: 'a' },
        { scheme: 'sasl', id: 'ops', permissions: 'cd' },
        { scheme: 'x509', id: 'CN=ops', permissions: 'r' },
      ]),
    ).toEqual([]);
  });

  it('gives one sentence per problem', () => {
    const problems = aclProblems([
      { scheme: 'kerberos', id: 'x', permissions: 'r' },
      { scheme: 'digest', id: 'ops', permissions: '' },
      { scheme: 'ip', id: '300.1.1.1', permissions: 'rx' },
    ]);
    expect(problems).toHaveLength(5);
    for (const problem of problems) expect(problem).toMatch(/^[A-Z][^.]*(\.[^.]+)*\.$/);
    expect(aclProblems([])).toEqual(['An ACL needs at least one entry.']);
  });
});

describe('removesOwnAdmin', () => {
  const digestOps = { scheme: 'digest', id: 'ops:abc' };
  it('sees admin kept by world, by the session digest or by the session address', () => {
    expect(removesOwnAdmin([{ scheme: 'world', id: 'anyone', permissions: 'a' }], [WORLD])).toBe(false);
    expect(
      removesOwnAdmin([{ scheme: 'digest', id: 'ops:abc', permissions: 'ra' }], [WORLD, digestOps]),
    ).toBe(false);
    expect(
      removesOwnAdmin(
        [{ scheme: 'ip', id: '127.0.0.0/8', permissions: 'a' }],
        [WORLD, { scheme: 'ip', id: '127.0.0.1' }],
      ),
    ).toBe(false);
    expect(removesOwnAdmin([{ scheme: 'auth', id: '', permissions: 'a' }], [WORLD, digestOps])).toBe(false);
  });

  it('sees admin given to nobody this session is', () => {
    expect(removesOwnAdmin([{ scheme: 'world', id: 'anyone', permissions: 'rwcd' }], [WORLD])).toBe(true);
    expect(
      removesOwnAdmin([{ scheme: 'digest', id: 'other:abc', permissions: 'a' }], [WORLD, digestOps]),
    ).toBe(true);
    expect(
      removesOwnAdmin(
        [{ scheme: 'ip', id: '10.0.0.0/8', permissions: 'a' }],
        [WORLD, { scheme: 'ip', id: '127.0.0.1' }],
      ),
    ).toBe(true);
  });
});

describe('parseAclEntry', () => {
  it('takes the last field as the permissions', () => {
    expect(parseAclEntry('digest:ops:HASH=:rwcda')).toEqual({
      scheme: 'digest',
      id: 'ops:HASH=',
      permissions: 'rwcda',
    });
    expect(parseAclEntry('world:anyone:r')).toEqual({ scheme: 'world', id: 'anyone', permissions: 'r' });
  });
});
