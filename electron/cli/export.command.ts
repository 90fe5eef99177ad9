import { exportSnapshot, writeSnapshotFile } from '../core/sync/snapshot.export.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { AppError } from '../../shared/errors.js';

/** `configdeck export <source> -o <file>`: a snapshot of every key below the source root. */
export async function exportCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'export',
    args,
    {
      ...COMMON_OPTIONS,
      output: { type: 'string', short: 'o' },
      metadata: { type: 'boolean' },
      ignore: { type: 'string', multiple: true },
      'include-ephemeral': { type: 'boolean' },
    },
    { min: 1, max: 1, names: 'one source: configdeck export <source> -o <file>' },
  );
  if (parsed.flag('help')) return usage(context, 'export');
  const file = parsed.text('output');
  if (file === undefined || file === '') {
    throw new AppError('INVALID_INPUT', 'Name the snapshot file with -o <file> (or -o - for stdout).');
  }
  const resolver = context.resolver(parseMilliseconds('export', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const { text, keys } = await exportSnapshot(source, {
    withMetadata: parsed.flag('metadata'),
    ignore: parsed.list('ignore'),
    skipEphemeral: !parsed.flag('include-ephemeral'),
  });
  if (file === '-') {
    context.print(text.trimEnd());
    return 0;
  }
  await writeSnapshotFile(file, text);
  context.print(
    parsed.flag('json')
      ? JSON.stringify({ source: source.label, file, keys })
      : `Exported ${keys} keys from ${source.label} to ${file}.`,
  );
  return 0;
}
