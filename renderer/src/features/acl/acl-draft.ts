import { ACL_PERMISSION_LETTERS } from '../../../../shared/model/acl.js';
import type { AclEntry } from '../../../../shared/model/node.js';

/** One editable ACL line; `key` keeps React's rows stable while lines are added and removed. */
export interface DraftEntry extends AclEntry {
  key: number;
}

/** The entries as the contract takes them (the row keys dropped). */
export function entriesOf(draft: readonly DraftEntry[]): AclEntry[] {
  return draft.map(({ scheme, id, permissions }) => ({ scheme, id, permissions }));
}

/** Permissions compared as sets of letters: the server answers `crwda` for what was sent as `rwcda`. */
function entryKey(entry: AclEntry): string {
  return `${entry.scheme}:${entry.id}:${[...entry.permissions].sort().join('')}`;
}

/** The two ACLs grant the same (entries in any order). */
export function sameAcl(a: readonly AclEntry[], b: readonly AclEntry[]): boolean {
  return a.map(entryKey).sort().join(',') === b.map(entryKey).sort().join(',');
}

/** The entry's permission letters with `letter` set or cleared, in the editor's r w c d a order. */
export function withPermission(permissions: string, letter: string, on: boolean): string {
  return ACL_PERMISSION_LETTERS.filter((one) => (one === letter ? on : permissions.includes(one))).join('');
}

/** One entry as the `scheme:id:perms` line the CLI prints. */
export function entryLine(entry: AclEntry): string {
  return `${entry.scheme}:${entry.id}:${entry.permissions}`;
}
