import { AppError } from '../../shared/errors.js';
import { methods } from '../../shared/contract/methods.js';
import { diffSources } from '../core/sync/diff.engine.js';
import { applySync } from '../core/sync/sync.apply.js';
import { syncTarget } from '../core/sync/sync.guard.js';
import { planSync } from '../core/sync/sync.plan.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds, parseNormalize } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { printPlan, printReport } from './sync.output.js';

const SYNC_OPTIONS = {
  ...COMMON_OPTIONS,
  'dry-run': { type: 'boolean' },
  apply: { type: 'boolean' },
  delete: { type: 'boolean' },
  'only-new': { type: 'boolean' },
  yes: { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  normalize: { type: 'string' },
  'include-ephemeral': { type: 'boolean' },
} as const;

/**
 * `configdeck sync <source> <target>` and `configdeck import <file> <target>` (a sync from a snapshot):
 * diff, plan, then print the plan (dry run) or apply it. Exit 0 when planned or fully applied, 1 when
 * some items were not applied.
 */
export async function syncCommand(
  command: 'sync' | 'import',
  args: string[],
  context: CliContext,
): Promise<number> {
  const names =
    command === 'sync'
      ? 'a source and a target: configdeck sync <source> <target>'
      : 'a snapshot file and a target: configdeck import <file> <target>';
  const parsed = parseCommand(command, args, SYNC_OPTIONS, { min: 2, max: 2, names });
  if (parsed.flag('help')) return usage(context, command);
  if (parsed.flag('dry-run') && parsed.flag('apply')) {
    throw new AppError('INVALID_INPUT', 'Choose either --dry-run or --apply, not both.');
  }
  if (parsed.flag('delete') && parsed.flag('only-new')) {
    throw new AppError(
      'INVALID_INPUT',
      '--only-new keeps every existing target key, so it cannot be combined with --delete.',
    );
  }
  const [first, targetSpec] = parsed.positionals as [string, string];
  const sourceSpec = command === 'import' && !first.startsWith('file:') ? `file:${first}` : first;
  const normalize = parseNormalize(command, parsed.text('normalize'));
  const resolver = context.resolver(parseMilliseconds(command, parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const [source, target] = await Promise.all([resolver.open(sourceSpec), resolver.open(targetSpec)]);
  const apply = parsed.flag('apply');
  const confirmation = parsed.flag('yes') ? (target.store?.profile.name ?? null) : null;
  // A read-only, snapshot or unconfirmed prod target is refused (and audited) before anything is read.
  const permit = apply
    ? await context.engine.gate.admit(
        // The contract's rule for a sync job (the connection's name confirms it); an import is named as such.
        { ...methods['sync.apply'].access, operation: command },
        syncTarget(target, { source: source.label }),
        confirmation,
      )
    : null;

  const diff = await diffSources(source, target, {
    ignore: parsed.list('ignore'),
    normalize,
    skipEphemeral: !parsed.flag('include-ephemeral'),
  });
  const plan = await planSync(diff, target, {
    delete: parsed.flag('delete'),
    onlyNew: parsed.flag('only-new'),
  });
  const json = parsed.flag('json');
  if (permit === null) {
    printPlan(context, plan, first, targetSpec, json);
    return 0;
  }
  const report = await applySync(plan, source, target, { auditor: context.engine.auditor, permit });
  printReport(context, report, first, targetSpec, json);
  return report.summary.applied === report.items.length ? 0 : 1;
}
