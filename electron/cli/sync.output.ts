import type { SyncPlan, SyncReport } from '../core/sync/sync.types.js';
import type { CliContext } from './cli.context.js';

/** Prints a plan (dry run) as lines or as one JSON object. */
export function printPlan(
  context: CliContext,
  plan: SyncPlan,
  source: string,
  target: string,
  json: boolean,
): void {
  if (json) {
    const items = plan.items.map((item) => ({ path: item.path, action: item.action }));
    context.print(
      JSON.stringify({ source, target, mode: 'dry-run', syncId: plan.syncId, summary: plan.summary, items }),
    );
    return;
  }
  for (const item of plan.items) context.print(`${item.action.padEnd(6)} ${item.path}`);
  const { create, update, delete: remove } = plan.summary;
  const nothing = create + update + remove === 0;
  context.print(
    nothing
      ? 'Nothing to do: the target already holds every source key.'
      : `${create} to create, ${update} to update, ${remove} to delete (dry run: add --apply to write)`,
  );
}

/** Prints the result of an apply as lines or as one JSON object. */
export function printReport(
  context: CliContext,
  report: SyncReport,
  source: string,
  target: string,
  json: boolean,
): void {
  if (json) {
    context.print(
      JSON.stringify({
        source,
        target,
        mode: 'apply',
        syncId: report.syncId,
        summary: report.summary,
        stoppedBy: report.stoppedBy,
        items: report.items.map((item) => ({
          path: item.path,
          action: item.action,
          outcome: item.outcome,
          ...(item.error ? { error: item.error } : {}),
        })),
      }),
    );
    return;
  }
  for (const item of report.items) {
    const why = item.error ? `: ${item.error.message}` : '';
    context.print(`${item.outcome.padEnd(8)} ${item.action.padEnd(6)} ${item.path}${why}`);
  }
  const { applied, conflict, failed, skipped } = report.summary;
  const stopped = report.stoppedBy ? ` (stopped: ${report.stoppedBy.message})` : '';
  context.print(
    `sync ${report.syncId}: ${applied} applied, ${conflict} conflict, ${failed} failed, ${skipped} skipped${stopped}`,
  );
}
