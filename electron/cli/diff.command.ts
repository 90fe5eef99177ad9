import type { DiffEntry, DiffResult } from '../core/sync/diff.types.js';
import { diffSources } from '../core/sync/diff.engine.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds, parseNormalize } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';

const MARKS: Record<DiffEntry['status'], string> = {
  'only-left': '<',
  'only-right': '>',
  changed: '~',
  same: '=',
};

/** The `--json` shape: the specs as given, the counts, and the entries (same ones only with --all). */
export function diffJson(left: string, right: string, result: DiffResult, all: boolean): string {
  const entries = result.entries
    .filter((entry) => all || entry.status !== 'same')
    .map((entry) => ({ path: entry.path, status: entry.status }));
  return JSON.stringify({ left, right, summary: result.summary, entries });
}

/** `configdeck diff <left> <right>`: exit 0 when equal, 1 when they differ. */
export async function diffCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'diff',
    args,
    {
      ...COMMON_OPTIONS,
      all: { type: 'boolean' },
      ignore: { type: 'string', multiple: true },
      normalize: { type: 'string' },
      'include-ephemeral': { type: 'boolean' },
      metadata: { type: 'boolean' },
    },
    { min: 2, max: 2, names: 'two sources: configdeck diff <left> <right>' },
  );
  if (parsed.flag('help')) return usage(context, 'diff');
  const [leftSpec, rightSpec] = parsed.positionals as [string, string];
  const normalize = parseNormalize('diff', parsed.text('normalize'));
  const resolver = context.resolver(parseMilliseconds('diff', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const [left, right] = await Promise.all([resolver.open(leftSpec), resolver.open(rightSpec)]);
  const result = await diffSources(left, right, {
    ignore: parsed.list('ignore'),
    normalize,
    skipEphemeral: !parsed.flag('include-ephemeral'),
    compareMetadata: parsed.flag('metadata'),
  });
  const all = parsed.flag('all');
  if (parsed.flag('json')) {
    context.print(diffJson(leftSpec, rightSpec, result, all));
  } else {
    for (const entry of result.entries) {
      if (all || entry.status !== 'same') context.print(`${MARKS[entry.status]} ${entry.path}`);
    }
    const { onlyLeft, onlyRight, changed, same } = result.summary;
    context.print(`${onlyLeft} only in left, ${onlyRight} only in right, ${changed} changed, ${same} same`);
  }
  const { onlyLeft, onlyRight, changed } = result.summary;
  return onlyLeft + onlyRight + changed === 0 ? 0 : 1;
}
