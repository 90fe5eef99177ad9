import { methods } from '../../shared/contract/methods.js';
import type { CopyPlanView, CopyReport } from '../../shared/model/copy.js';
import { applyCopy } from '../core/copy/copy.apply.js';
import { planCopy } from '../core/copy/copy.plan.js';
import { MOVE_SOURCE_RULE } from '../core/copy/copy.service.js';
import { copyPlanView } from '../core/copy/copy.view.js';
import { syncTarget } from '../core/sync/sync.guard.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';

const COPY_OPTIONS = {
  ...COMMON_OPTIONS,
  move: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  yes: { type: 'boolean' },
} as const;

/** The report as lines: the counts, then every path that failed or (for a move) stayed in the source. */
function printLines(context: CliContext, view: CopyPlanView, report: CopyReport): void {
  for (const failure of report.failed) context.print(`failed      ${failure.path}: ${failure.message}`);
  for (const kept of report.notDeleted) context.print(`not deleted ${kept.path}: ${kept.message}`);
  const counts = [
    `${report.copied} copied`,
    `${report.overwritten} overwritten`,
    `${report.kept} kept`,
    `${report.skipped} skipped`,
    `${report.failed.length} failed`,
  ];
  if (report.move)
    counts.push(`${report.deleted} deleted from the source`, `${report.notDeleted.length} not deleted`);
  context.print(`${counts.join(', ')} (operation id ${report.operationId})`);
  if (report.move) {
    const how =
      report.method === 'transaction' ? 'moved in one transaction' : 'copied, verified, then deleted';
    context.print(report.methodNote ? `${how}: ${report.methodNote}` : how);
  }
  if (report.aclsSet > 0) context.print(`${report.aclsSet} ACLs kept`);
  if (report.flagsSet > 0) context.print(`${report.flagsSet} flags kept`);
  if (report.carryNote !== null) context.print(report.carryNote);
  if (view.ephemeral.note !== null) context.printError(view.ephemeral.note);
  if (report.stoppedBy !== null) context.printError(`Stopped early: ${report.stoppedBy.message}`);
}

/**
 * `configdeck copy <source> <target> [--move] [--overwrite] [--yes] [--json]`: copies a node and its subtree
 * (to the same or another store), keeping what the target already holds unless --overwrite; --move then
 * deletes the source keys whose copy reads back equal. The target (and for a move the source) passes the
 * write gate first: read-only refused, prod confirmed by --yes. Exit 0 when every node was copied (and
 * moved), 1 when some were not, 2 on error or refusal.
 */
export async function copyCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand('copy', args, COPY_OPTIONS, {
    min: 2,
    max: 2,
    names: 'a source and a target: configdeck copy <source> <target>',
  });
  if (parsed.flag('help')) return usage(context, 'copy');
  const [sourceSpec, targetSpec] = parsed.positionals as [string, string];
  const move = parsed.flag('move');
  const resolver = context.resolver(parseMilliseconds('copy', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const [source, target] = await Promise.all([resolver.open(sourceSpec), resolver.open(targetSpec)]);
  const yes = parsed.flag('yes');
  const gate = context.engine.gate;
  // Refused (and audited) before anything is read: a read-only, snapshot or unconfirmed prod target, and
  // for a move the same of the source.
  const permit = await gate.admit(
    { ...methods['copy.apply'].access, operation: move ? 'move' : 'copy' },
    syncTarget(target, { source: source.label, move }),
    yes ? (target.store?.profile.name ?? null) : null,
  );
  const movePermit = move
    ? await gate.admit(
        MOVE_SOURCE_RULE,
        syncTarget(source, { target: target.label, move }),
        yes ? (source.store?.profile.name ?? null) : null,
      )
    : null;
  const plan = await planCopy(source, target, parsed.flag('overwrite'));
  const view = copyPlanView(plan.sync.syncId, plan, source, target);
  const report = await applyCopy(plan, source, target, {
    permit,
    movePermit,
    auditor: context.engine.auditor,
  });
  if (parsed.flag('json')) {
    const { planId: _planId, ...preview } = view;
    context.print(JSON.stringify({ ...preview, source: sourceSpec, target: targetSpec, report }));
  } else printLines(context, view, report);
  const complete = report.failed.length === 0 && report.notDeleted.length === 0 && report.stoppedBy === null;
  return complete ? 0 : 1;
}
