import { AppError, ErrorCodeSchema, type AppErrorShape } from '../../../shared/errors.js';
import type { CompareEntry, JobProgressView, SyncReportView } from '../../../shared/model/compare.js';
import type { DiffEntry } from '../sync/diff.types.js';
import type { JobInfo } from '../sync/job.registry.js';
import type { JobProgress } from '../sync/job.js';
import type { SyncReport } from '../sync/sync.types.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

/** The part of the engine's progress the contract reports. */
export function progressView(progress: JobProgress | null): JobProgressView | null {
  return progress === null ? null : { phase: progress.phase, done: progress.done, total: progress.total };
}

/** A job's error as the contract carries it (an unknown code becomes INTERNAL). */
export function errorView(error: JobInfo['error']): AppErrorShape | null {
  if (error === null) return null;
  const code = ErrorCodeSchema.safeParse(error.code);
  return code.success
    ? new AppError(code.data, error.message).toShape()
    : new AppError('INTERNAL', error.message).toShape();
}

export interface EntryFilter {
  onlyDifferences: boolean;
  pathContains?: string | undefined;
  offset: number;
  limit: number;
}

/** The entries matching a filter: how many in all, and one page of them. */
export function pageEntries(
  entries: readonly DiffEntry[],
  filter: EntryFilter,
): { total: number; entries: CompareEntry[] } {
  const needle = filter.pathContains?.toLowerCase() ?? '';
  const matching = entries.filter(
    (entry) =>
      (!filter.onlyDifferences || entry.status !== 'same') &&
      (needle === '' || entry.path.toLowerCase().includes(needle)),
  );
  const page = matching.slice(filter.offset, filter.offset + filter.limit);
  return { total: matching.length, entries: page.map(({ path, status }) => ({ path, status })) };
}

/** A sync report grouped by outcome, for the contract. */
export function reportView(report: SyncReport): SyncReportView {
  const view: SyncReportView = { syncId: report.syncId, applied: [], conflicts: [], failed: [], skipped: [] };
  for (const item of report.items) {
    if (item.outcome === 'applied') view.applied.push(item.path);
    else if (item.outcome === 'conflict') view.conflicts.push(item.path);
    else if (item.outcome === 'skipped') view.skipped.push(item.path);
    else
      view.failed.push({
        path: item.path,
        code: item.error?.code ?? 'INTERNAL',
        message: item.error?.message ?? say(COPY_SENTENCES, 'writeFailed'),
      });
  }
  return view;
}
