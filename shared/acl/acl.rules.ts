import type { AclEntry } from '../model/node.js';
import { ACL_SCHEMES, type AclIdentity } from '../model/acl.js';
import { ACL_SENTENCES } from '../sentences/acl.js';
import { say } from '../sentences/sentence-table.js';

const DIGEST_ID = /^[^:]+:[A-Za-z0-9+/]{27}=$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

function ipv4Problem(id: string): string | null {
  const match = IPV4.exec(id);
  if (match === null) return say(ACL_SENTENCES, 'ipNotAnAddress', { id });
  if (match.slice(1, 5).some((part) => Number(part) > 255))
    return say(ACL_SENTENCES, 'ipPartAbove255', { id });
  if (match[5] !== undefined && Number(match[5]) > 32) return say(ACL_SENTENCES, 'ipTooManyBits', { id });
  return null;
}

function idProblem(entry: AclEntry): string | null {
  switch (entry.scheme) {
    case 'world':
      return entry.id === 'anyone' ? null : say(ACL_SENTENCES, 'worldNotAnyone', { id: entry.id });
    case 'auth':
      // The server replaces an auth entry by the session's own identities; its id is not looked at.
      return null;
    case 'digest':
      return DIGEST_ID.test(entry.id) ? null : say(ACL_SENTENCES, 'digestMalformed', { id: entry.id });
    case 'ip':
      return ipv4Problem(entry.id);
    default:
      return entry.id.length > 0 ? null : say(ACL_SENTENCES, 'idMissing', { scheme: entry.scheme });
  }
}

function permissionsProblem(entry: AclEntry): string | null {
  const label = `${entry.scheme}:${entry.id}`;
  if (entry.permissions.length === 0) return say(ACL_SENTENCES, 'noPermission', { entry: label });
  if (!/^[rwcda]+$/.test(entry.permissions))
    return say(ACL_SENTENCES, 'badPermissions', { entry: label, permissions: entry.permissions });
  return null;
}

/** Every problem of an ACL to be written, one sentence each; empty when it can be sent to the server. */
export function aclProblems(entries: readonly AclEntry[]): string[] {
  if (entries.length === 0) return [say(ACL_SENTENCES, 'noEntry')];
  const problems: string[] = [];
  for (const entry of entries) {
    if (!(ACL_SCHEMES as readonly string[]).includes(entry.scheme)) {
      problems.push(
        say(ACL_SENTENCES, 'unknownScheme', { scheme: entry.scheme, schemes: ACL_SCHEMES.join(', ') }),
      );
      continue;
    }
    const id = idProblem(entry);
    if (id !== null) problems.push(id);
    const permissions = permissionsProblem(entry);
    if (permissions !== null) problems.push(permissions);
  }
  return problems;
}

function ipToNumber(text: string): number {
  return text.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** ZooKeeper's IPAuthenticationProvider: the address matches the id's network (all 32 bits without /bits). */
function ipMatches(aclId: string, address: string): boolean {
  const match = IPV4.exec(aclId);
  if (match === null || !IPV4.test(address)) return false;
  const bits = match[5] === undefined ? 32 : Number(match[5]);
  const network = ipToNumber(aclId.split('/')[0]!);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (network & mask) >>> 0 === (ipToNumber(address) & mask) >>> 0;
}

/** The entry gives this identity its permissions, as the server's auth providers match them. */
function grants(entry: AclEntry, identity: AclIdentity, identities: readonly AclIdentity[]): boolean {
  if (entry.scheme === 'world') return entry.id === 'anyone';
  // An auth entry becomes the session's authenticated identities when it is written.
  if (entry.scheme === 'auth') return identities.some((one) => one.scheme !== 'world' && one.scheme !== 'ip');
  if (entry.scheme !== identity.scheme) return false;
  if (entry.scheme === 'ip') return ipMatches(entry.id, identity.id);
  // A digest identity known by its user alone (whoAmI says no more) is taken to be that user's entry.
  if (entry.scheme === 'digest' && !identity.id.includes(':')) return entry.id.startsWith(`${identity.id}:`);
  return entry.id === identity.id;
}

/**
 * True when the new ACL leaves ADMIN to none of the session's identities: the session could not change the
 * node's ACL back. The core refuses such a save unless the caller confirms it.
 */
export function removesOwnAdmin(entries: readonly AclEntry[], identities: readonly AclIdentity[]): boolean {
  // The super user (ZooKeeper's superDigest) passes every ACL check, whatever the ACL says.
  if (identities.some((identity) => identity.scheme === 'super')) return false;
  const admins = entries.filter((entry) => entry.permissions.includes('a'));
  return !identities.some((identity) => admins.some((entry) => grants(entry, identity, identities)));
}

/** The sentence of that refusal. */
export function adminRemovalSentence(path: string): string {
  return say(ACL_SENTENCES, 'adminRemoval', { path });
}

/** An ACL as one line of `scheme:id:perms` entries, as the CLI takes and prints them. */
export function aclText(entries: readonly AclEntry[]): string {
  return entries.map((entry) => `${entry.scheme}:${entry.id}:${entry.permissions}`).join(',');
}

/**
 * One `scheme:id:perms` argument as an entry: the first field is the scheme, the last the permissions, and
 * everything between the id (a digest id has a colon of its own: `digest:ops:BASE64:rwcda`).
 */
export function parseAclEntry(text: string): AclEntry {
  const first = text.indexOf(':');
  const last = text.lastIndexOf(':');
  if (first === -1 || first === last) {
    return { scheme: text, id: '', permissions: '' };
  }
  return { scheme: text.slice(0, first), id: text.slice(first + 1, last), permissions: text.slice(last + 1) };
}

/** The entries as the JSON text a CONFLICT and the audit log carry in place of a value. */
export function aclJson(entries: readonly AclEntry[]): string {
  return JSON.stringify(entries.map(({ scheme, id, permissions }) => ({ scheme, id, permissions })));
}
