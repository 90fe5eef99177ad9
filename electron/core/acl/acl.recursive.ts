import type { AclRecursiveReport } from '../../../shared/model/acl.js';
import type { AclEntry } from '../../../shared/model/node.js';
import { toAppError } from '../api/to-app-error.js';
import type { SourceStore } from '../sources/source.js';
import { throttled, type JobContext } from '../sync/job.js';
import { aclApiOf, aclKey, subtreePaths } from './acl.subtree.js';

/** Saves one node's ACL guarded by the version just read (the service's audited save). */
export type SaveOneAcl = (path: string, aclVersion: number) => Promise<unknown>;

/**
 * Walks the subtree (its paths first, then node by node): a node whose ACL already is `entries` is left,
 * any other is saved through `saveOne`; a node that fails is reported and the walk goes on. A cancel stops
 * the walk before the next node: the report then says how many nodes were not reached and why.
 */
export async function applyAclRecursively(
  store: SourceStore,
  root: string,
  entries: readonly AclEntry[],
  saveOne: SaveOneAcl,
  job: JobContext = {},
): Promise<AclRecursiveReport> {
  const api = aclApiOf(store);
  job.onProgress?.({ phase: 'walk', done: 0, total: null });
  const report: AclRecursiveReport = {
    path: root,
    count: 0,
    changed: 0,
    unchanged: 0,
    failed: [],
    notReached: 0,
    stoppedBy: null,
  };
  const listed: string[] = [];
  try {
    await subtreePaths(store, root, job.signal, listed);
  } catch (thrown) {
    // A cancel while the subtree is still being listed is a report too (nothing changed), not an error:
    // the user asked to stop, and the dialog shows what was done, which is nothing.
    if (!job.signal?.aborted) throw thrown;
    return {
      ...report,
      count: listed.length,
      notReached: listed.length,
      stoppedBy: {
        code: 'CANCELLED',
        message: `The apply was cancelled while the subtree was being listed (${listed.length} node${listed.length === 1 ? '' : 's'} so far); no node was changed.`,
      },
    };
  }
  const paths = listed;
  report.count = paths.length;
  const wanted = aclKey(entries);
  const progress = throttled(job.onProgress);
  for (const [index, path] of paths.entries()) {
    if (job.signal?.aborted) {
      report.notReached = paths.length - index;
      report.stoppedBy = {
        code: 'CANCELLED',
        message: `The apply was cancelled after ${index} of ${paths.length} nodes; ${paths.length - index} were not reached.`,
      };
      break;
    }
    progress.push({ phase: 'apply', done: index, total: paths.length });
    try {
      const acl = await api.get(path);
      if (aclKey(acl.entries) === wanted) {
        report.unchanged += 1;
        continue;
      }
      await saveOne(path, acl.aclVersion);
      report.changed += 1;
    } catch (thrown) {
      const error = toAppError(thrown);
      report.failed.push({ path, code: error.code, message: error.message });
    }
  }
  progress.flush({ phase: 'apply', done: paths.length - report.notReached, total: paths.length });
  return report;
}
