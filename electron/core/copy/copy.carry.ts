import { aclJson } from '../../../shared/acl/acl.rules.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { CopyPlanView, CopyReport } from '../../../shared/model/copy.js';
import { toAppError } from '../api/to-app-error.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import { absolutePath, type Source } from '../sources/source.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

type Carry = CopyPlanView['carry'];
type Failure = CopyReport['failed'][number];

const KIND_NAMES: Record<string, string> = {
  zookeeper: 'ZooKeeper',
  etcd: 'etcd',
  consul: 'Consul',
  nacos: 'Nacos',
};

/** The store's name for a sentence, or null for a snapshot (its own sentence: a word, not a name). */
function kindName(source: Source): string | null {
  return source.kind === 'snapshot' ? null : (KIND_NAMES[source.kind] ?? source.kind);
}

/**
 * What a copy carries beside values: ZooKeeper ACLs between two ZooKeeper connections, Consul flags between
 * two Consul connections (each set after the value is written, where the target session may); nothing
 * between different kinds, which the plan says.
 */
export function carryOf(source: Source, target: Source): Carry {
  if (source.kind === 'zookeeper' && target.kind === 'zookeeper') {
    return { acls: true, flags: false, note: say(COPY_SENTENCES, 'aclsKept') };
  }
  const kind = kindName(target);
  if (source.kind === 'zookeeper') {
    return {
      acls: false,
      flags: false,
      note:
        kind === null
          ? say(COPY_SENTENCES, 'aclsNotCarriedSnapshot')
          : say(COPY_SENTENCES, 'aclsNotCarried', { kind }),
    };
  }
  if (source.kind === 'consul') {
    return {
      acls: false,
      flags: target.kind === 'consul',
      note:
        target.kind === 'consul'
          ? say(COPY_SENTENCES, 'flagsKept')
          : kind === null
            ? say(COPY_SENTENCES, 'flagsNotCarriedSnapshot')
            : say(COPY_SENTENCES, 'flagsNotCarried', { kind }),
    };
  }
  return { acls: false, flags: false, note: null };
}

/** An ACL compared as a set of entries with their permissions as a set of letters. */
function aclKey(entries: readonly AclEntry[]): string {
  return entries
    .map((entry) => `${entry.scheme}:${entry.id}:${[...entry.permissions].sort().join('')}`)
    .sort()
    .join(',');
}

const aclText = (entries: readonly AclEntry[]) => Buffer.from(aclJson(entries), 'utf8');

type CarryOptions = { permit: WritePermit; auditor: MutationAuditor; syncId: string };

/**
 * Runs `carry` for each written node (its source and target paths), counting the nodes it changed; a node
 * whose carry fails is reported with `notKept` ("ACL not kept: …") and the copy goes on (the value stays
 * copied).
 */
async function carryEach(
  written: readonly string[],
  source: Source,
  target: Source,
  failed: Failure[],
  notKept: 'aclNotKept' | 'flagsNotKept',
  carry: (sourcePath: string, targetPath: string) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (const path of written) {
    try {
      if (await carry(absolutePath(source.root, path), absolutePath(target.root, path))) changed += 1;
    } catch (thrown) {
      const error = toAppError(thrown);
      failed.push({
        path,
        code: error.code,
        message: say(COPY_SENTENCES, notKept, { message: error.message }),
      });
    }
  }
  return changed;
}

/**
 * Sets on each written target node (relative paths) the ACL its source node has, when they differ; each
 * change audited (operation `acl`, under the copy's id). A refusal (the target session may not set it) is
 * a failure of that node, reported; the value stays copied. Returns how many ACLs were set.
 */
export async function carryAcls(
  written: readonly string[],
  source: Source,
  target: Source,
  options: CarryOptions,
  failed: Failure[],
): Promise<number> {
  const from = source.store?.session.acls;
  const to = target.store?.session.acls;
  if (from === undefined || to === undefined) return 0;
  return carryEach(written, source, target, failed, 'aclNotKept', async (sourcePath, targetPath) => {
    const [wanted, current] = await Promise.all([from.get(sourcePath), to.get(targetPath)]);
    if (aclKey(wanted.entries) === aclKey(current.entries)) return false;
    await options.auditor.run(
      {
        profile: options.permit.profile,
        operation: 'acl',
        path: targetPath,
        before: aclText(current.entries),
        after: aclText(wanted.entries),
        details: { syncId: options.syncId, aclVersion: current.aclVersion },
      },
      () => to.set(targetPath, wanted.entries, current.aclVersion),
    );
    return true;
  });
}

/**
 * Sets on each written target key the flags its source key has, when they differ; each change audited
 * (operation `set` of the same value, `details.flags`, under the copy's id). Returns how many were set.
 */
export async function carryFlags(
  written: readonly string[],
  source: Source,
  target: Source,
  options: CarryOptions,
  failed: Failure[],
): Promise<number> {
  const from = source.store?.session.flags;
  const to = target.store?.session.flags;
  if (from === undefined || to === undefined) return 0;
  return carryEach(written, source, target, failed, 'flagsNotKept', async (sourcePath, targetPath) => {
    const [wanted, current] = await Promise.all([from.get(sourcePath), to.get(targetPath)]);
    if (wanted === null || current === null || wanted.flags === current.flags) return false;
    await options.auditor.run(
      {
        profile: options.permit.profile,
        operation: 'set',
        path: targetPath,
        // The value stays as it is: only the flags change, which the details name.
        before: current.value,
        after: current.value,
        details: { syncId: options.syncId, flags: wanted.flags, flagsBefore: current.flags },
      },
      () => to.set(targetPath, wanted.flags, current.token),
    );
    return true;
  });
}
