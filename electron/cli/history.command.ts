import { AppError } from '../../shared/errors.js';
import type { HistoryEntry } from '../../shared/model/history.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { liveStore } from './live-store.js';

function parseLimit(text: string | undefined): number {
  if (text === undefined) return 100;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > 1000)
    throw new AppError('INVALID_INPUT', `--limit takes a number from 1 to 1000, not "${text}".`);
  return Number(text);
}

/** `server:42  rev 42 v3  update  –  12 B  The current version.` */
function line(entry: HistoryEntry): string {
  const when = entry.time ?? (entry.revision === null ? '–' : `rev ${entry.revision}`);
  const version = entry.version === null ? '' : ` v${entry.version}`;
  const size = entry.size === null ? '–' : `${entry.size} B`;
  const note = entry.note === null ? '' : `  ${entry.note}`;
  return `${entry.id}  ${when}${version}  ${entry.operation}  ${entry.author ?? '–'}  ${size}${note}`;
}

/**
 * `configdeck history <source-of-one-key>`: the node's versions newest first, one line each (the server's
 * own where it keeps them, else this machine's audit entries), then the notes; --json prints the report.
 */
export async function historyCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'history',
    args,
    { ...COMMON_OPTIONS, limit: { type: 'string' } },
    { min: 1, max: 1, names: 'one source naming a key: configdeck history <source>' },
  );
  if (parsed.flag('help')) return usage(context, 'history');
  const limit = parseLimit(parsed.text('limit'));
  const resolver = context.resolver(parseMilliseconds('history', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const store = liveStore(source, 'asked for its history');
  const report = await context.engine.history.listOf(store, source.root, limit);
  if (parsed.flag('json')) {
    context.print(JSON.stringify(report));
    return 0;
  }
  for (const entry of report.entries) context.print(line(entry));
  if (report.entries.length === 0) context.print(`No versions of ${source.root} are known.`);
  for (const note of report.notes) context.print(note);
  return 0;
}
