import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { digestId } from '../../../shared/acl/acl.digest.js';
import { aclConflictOf } from '../../../renderer/src/features/acl/acl-conflict.js';
import { entryLine, sameAcl, withPermission } from '../../../renderer/src/features/acl/acl-draft.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

// The ACL editor's pure parts: permission checkboxes, what counts as a change, the server ACL of a conflict.
describe('ACL editing helpers', () => {
  it('sets and clears permission letters in r w c d a order', () => {
    expect(withPermission('r', 'a', true)).toBe('ra');
    expect(withPermission('crwda', 'd', false)).toBe('rwca');
    expect(withPermission('', 'w', true)).toBe('w');
    expect(withPermission('ra', 'r', false)).toBe('a');
  });

  it('compares ACLs as sets: entry order and letter order do not matter, a letter does', () => {
    const a = [
      { scheme: 'world', id: 'anyone', permissions: 'rwcda' },
      { scheme: 'ip', id: '10.0.0.0/8', permissions: 'r' },
    ];
    expect(sameAcl(a, [a[1]!, { ...a[0]!, permissions: 'crwda' }])).toBe(true);
    expect(sameAcl(a, [a[1]!, { ...a[0]!, permissions: 'crwa' }])).toBe(false);
    expect(entryLine(a[1]!)).toBe('ip:10.0.0.0/8:r');
  });

  it("reads the server's ACL and version from a CONFLICT, and nothing from one without them", () => {
    const server = [{ scheme: 'world', id: 'anyone', permissions: 'r' }];
    const conflict = new AppError('CONFLICT', 'changed', {
      currentValueBase64: b64(JSON.stringify(server)),
      currentToken: '4',
    });
    expect(aclConflictOf(conflict)).toEqual({ entries: server, aclVersion: 4 });
    const gone = new AppError('CONFLICT', 'gone', { currentValueBase64: null, currentToken: null });
    expect(aclConflictOf(gone)).toBeNull();
    const garbled = new AppError('CONFLICT', 'x', {
      currentValueBase64: b64('{not json'),
      currentToken: '1',
    });
    expect(aclConflictOf(garbled)).toBeNull();
  });

  it('computes the digest id ZooKeeper expects (as zkCli / DigestAuthenticationProvider.generateDigest)', async () => {
    // echo -n 'super:admin' | openssl dgst -binary -sha1 | base64
    expect(await digestId('super', 'admin')).toBe('super:xQJmxLMiHGwaqBvst5y6rkB6HQs=');
  });
});
