import { AppError } from '../../shared/errors.js';
import { methods } from '../../shared/contract/methods.js';
import { COMMON_OPTIONS, parseCommand } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { usage } from './cli.usage.js';

const ACTIONS = { set: 'wrote its value before back to', delete: 'deleted', create: 're-created' } as const;

/**
 * `configdeck audit revert <seq> [--yes]`: reverts one audit entry through the write gate (--yes types the
 * path that confirms a prod connection). Exit 0 when reverted, 1 when the node moved since or the entry cannot
 * be reverted (one sentence), 2 on error (a refusal included).
 */
export async function auditRevertCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'audit',
    args,
    { ...COMMON_OPTIONS, yes: { type: 'boolean' } },
    { min: 1, max: 1, names: 'one entry: configdeck audit revert <seq>' },
  );
  if (parsed.flag('help')) return usage(context, 'audit');
  const text = parsed.positionals[0]!;
  if (!/^\d{1,15}$/.test(text) || Number(text) < 1)
    throw new AppError('INVALID_INPUT', `An audit entry is named by its seq (a number), not "${text}".`);
  const seq = Number(text);
  const { revert, gate } = context.engine;
  const target = await revert.target(seq);
  const confirmation = parsed.flag('yes') ? target.path : null;
  const permit = await gate.admit(methods['audit.revert'].access, target, confirmation);
  const report = await revert.revert(seq, permit);
  if (parsed.flag('json')) context.print(JSON.stringify(report));
  const item = report.items[0]!;
  if (item.outcome === 'reverted') {
    const action = item.action === null ? 'reverted' : ACTIONS[item.action];
    const written = item.revertSeq === null ? '' : ` (audit entry ${item.revertSeq})`;
    if (!parsed.flag('json')) context.print(`Reverted entry ${seq}: ${action} ${item.path}${written}.`);
    return 0;
  }
  if (item.outcome === 'failed')
    throw new AppError('INTERNAL', item.reason ?? `Entry ${seq} could not be reverted.`);
  if (!parsed.flag('json')) context.print(`Entry ${seq} was not reverted: ${item.reason ?? item.outcome}`);
  return 1;
}
