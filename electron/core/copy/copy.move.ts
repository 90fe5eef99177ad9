import { toAppError } from '../api/to-app-error.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { WritePermit } from '../gate/write.permit.js';
import { isSelfOrAncestor, pathDepth } from '../../../shared/paths.js';
import type { Source } from '../sources/source.js';
import { FolderMaker } from '../sync/sync.folders.js';
import { admittedStore } from '../sync/sync.guard.js';
import { SyncWriter } from '../sync/sync.writer.js';
import { hashBytes } from '../sync/value.hash.js';
import type { CopyReport } from '../../../shared/model/copy.js';
import type { CopyPlan } from './copy.plan.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

type NotDeleted = CopyReport['notDeleted'][number];

/**
 * The second half of a move, once the copy ran: every source key whose copy reads back equal is deleted
 * with the token the plan read (a key changed since is a conflict, audited, and stays), children before
 * parents; a key with anything left below it stays too (deleting it would empty it instead), and so do
 * the folders that are not empty. The source folders left empty (and the root) are removed last.
 */
export async function deleteMovedSource(
  plan: CopyPlan,
  source: Source,
  target: Source,
  permit: WritePermit,
  auditor: MutationAuditor,
): Promise<{ deleted: number; notDeleted: NotDeleted[] }> {
  const store = admittedStore(source, permit);
  const writer = new SyncWriter(store, source.root, auditor, plan.sync.syncId);
  const notDeleted: NotDeleted[] = [];
  const staying = [...plan.ephemeral];
  const deleted: string[] = [];
  const verified = [];
  for (const key of plan.sourceKeys) {
    const copy = await target.read(key.path);
    if (copy !== null && hashBytes(copy.value) === key.hash) verified.push(key);
    else {
      staying.push(key.path);
      notDeleted.push({
        path: key.path,
        code: 'NOT_COPIED',
        message: say(COPY_SENTENCES, 'notCopied', { path: key.path }),
      });
    }
  }
  verified.sort((a, b) => pathDepth(b.path) - pathDepth(a.path));
  for (const key of verified) {
    const below = staying.find((path) => path !== key.path && isSelfOrAncestor(key.path, path));
    if (below !== undefined) {
      staying.push(key.path);
      notDeleted.push({
        path: key.path,
        code: 'CHILDREN_LEFT',
        message: say(COPY_SENTENCES, 'childrenLeft', { below, path: key.path }),
      });
      continue;
    }
    try {
      await writer.delete(key.path, key.token);
      deleted.push(key.path);
    } catch (thrown) {
      const error = toAppError(thrown);
      staying.push(key.path);
      notDeleted.push({ path: key.path, code: error.code, message: error.message });
    }
  }
  // Best effort, as in a sync: a folder that cannot go now is simply left.
  await new FolderMaker(writer, source.root, plan.sourceFolders)
    .prune(deleted, new Set())
    .catch(() => undefined);
  if (plan.root === null && source.root !== '/') await writer.pruneFolder('/').catch(() => false);
  return { deleted: deleted.length, notDeleted };
}
