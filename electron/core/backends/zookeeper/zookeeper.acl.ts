import { createHash } from 'node:crypto';
import type { AclEntry } from '../../../../shared/model/node.js';
import type { ZkAcl } from './client/index.js';

/** ZooKeeper permission bits in the order of the `crwda` letters. */
const PERMISSION_LETTERS: ReadonlyArray<readonly [letter: string, bit: number]> = [
  ['c', 4],
  ['r', 1],
  ['w', 2],
  ['d', 8],
  ['a', 16],
];

/** The permission bit mask as the `crwda` subset zkCli prints. */
export function permissionsToLetters(mask: number): string {
  return PERMISSION_LETTERS.filter(([, bit]) => (mask & bit) !== 0)
    .map(([letter]) => letter)
    .join('');
}

/** A `crwda` subset as the permission bit mask. */
export function lettersToPermissions(letters: string): number {
  return PERMISSION_LETTERS.reduce(
    (mask, [letter, bit]) => (letters.includes(letter) ? mask | bit : mask),
    0,
  );
}

/** The library's ACL objects as the shared model. */
export function toAclEntries(acls: ZkAcl[]): AclEntry[] {
  return acls.map((acl) => ({
    scheme: acl.id.scheme,
    id: acl.id.id,
    permissions: permissionsToLetters(acl.perms),
  }));
}

/** The id a `digest` ACL names for user:password (`user:base64(sha1("user:password"))`). */
export function digestAclId(username: string, password: string): string {
  const hash = createHash('sha1').update(`${username}:${password}`, 'utf8').digest('base64');
  return `${username}:${hash}`;
}
