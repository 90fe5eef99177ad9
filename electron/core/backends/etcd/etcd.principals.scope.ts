import type { IPermission } from 'etcd3';
import type { Grant, GrantAccess } from '../../../../shared/model/principals.js';
import { END_OF_KEYSPACE, prefixRange } from './etcd.paths.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** etcd's permission types; etcd3 hands them over by name, in whatever case its proto loader chose. */
const ACCESS: Record<string, GrantAccess> = { read: 'read', write: 'write', readwrite: 'readwrite' };

/** A key as text: UTF-8, with bytes that are not printable written as \xNN (keys are bytes). */
function keyText(key: Buffer): string {
  const text = key.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(key) && !key.some((byte) => byte < 0x20)) return text;
  return Array.from(key, (byte) =>
    byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`,
  ).join('');
}

/**
 * The keys a permission covers, as an operator reads it: a key (`/app/config`), a prefix (`/app/*`), every
 * key (`*`), every key from one on (`>= /m`), or a half-open range (`[/a, /c)`).
 */
export function permissionScope(key: Buffer, rangeEnd: Buffer): string {
  if (rangeEnd.length === 0) return keyText(key);
  const fromStart = key.length === 0 || key.equals(END_OF_KEYSPACE);
  if (rangeEnd.equals(END_OF_KEYSPACE)) return fromStart ? '*' : `>= ${keyText(key)}`;
  if (key.length > 0 && prefixRange(key).end.equals(rangeEnd)) return `${keyText(key)}*`;
  return `[${keyText(key)}, ${keyText(rangeEnd)})`;
}

/** One role permission as a grant; `note` says where it comes from (the role, for a user's grants). */
export function permissionGrant(permission: IPermission, note: string | null): Grant {
  const access = ACCESS[String(permission.permType).toLowerCase()] ?? 'read';
  return {
    access,
    scope: permissionScope(Buffer.from(permission.key ?? []), Buffer.from(permission.range_end ?? [])),
    note,
  };
}

/** etcd's built-in `root` role: no permissions listed, yet everything allowed. */
export const ROOT_ROLE = 'root';

/** What the root role allows, which etcd does not list as permissions. */
export function rootGrant(note: string | null): Grant {
  return {
    access: 'readwrite',
    scope: '*',
    note: note ?? say(ETCD_SENTENCES, 'rootRoleGrant'),
  };
}
