import { describe, expect, it } from 'vitest';
import { digestAclId, lettersToPermissions, permissionsToLetters } from './zookeeper.acl.js';

describe('ZooKeeper ACL helpers', () => {
  it('prints permission masks as the crwda subset', () => {
    expect(permissionsToLetters(31)).toBe('crwda');
    expect(permissionsToLetters(1)).toBe('r');
    expect(permissionsToLetters(1 | 2 | 16)).toBe('rwa');
    expect(lettersToPermissions('crwda')).toBe(31);
    expect(lettersToPermissions('rd')).toBe(9);
  });

  it('computes the digest id zkCli computes', () => {
    // DigestAuthenticationProvider.generateDigest("super:admin")
    expect(digestAclId('super', 'admin')).toBe('super:xQJmxLMiHGwaqBvst5y6rkB6HQs=');
  });
});
