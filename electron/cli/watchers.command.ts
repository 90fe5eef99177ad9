import { AppError } from '../../shared/errors.js';
import type { Watcher } from '../../shared/model/diagnostics.js';
import { diagnosticApi } from '../core/features/diagnostics.service.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { notesLines } from './notes.lines.js';
import { liveStore } from './live-store.js';

function watcherLine(watcher: Watcher, path: string): string {
  const who = [watcher.sessionId, watcher.client ?? 'client address unknown'].filter((part) => part !== null);
  const where = watcher.member === null ? '' : ` via ${watcher.member}`;
  const on = watcher.watchedPath === path ? '' : ` on ${watcher.watchedPath}`;
  const holds =
    watcher.holds === null ? '' : ` holds ${watcher.holds}${watcher.current === false ? ' (stale)' : ''}`;
  const detail = watcher.detail === null ? '' : `: ${watcher.detail}`;
  return `  ${who.join('  ')}${where}  ${watcher.kind}${on}${holds}${detail}`;
}

/**
 * `configdeck watchers <source>`: who watches or listens to the source's root path. ZooKeeper's answer is
 * costly for its servers: without --yes the command prints the cost and exits 2. Exit 2 with one sentence
 * where the store cannot tell (etcd, Consul).
 */
export async function watchersCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'watchers',
    args,
    { ...COMMON_OPTIONS, yes: { type: 'boolean' } },
    { min: 1, max: 1, names: 'one source: configdeck watchers <source>' },
  );
  if (parsed.flag('help')) return usage(context, 'watchers');
  const resolver = context.resolver(
    parseMilliseconds('watchers', parsed.text('timeout'), DEFAULT_TIMEOUT_MS),
  );
  const source = await resolver.open(parsed.positionals[0]!);
  const store = liveStore(source, 'asked who watches it');
  const report = await diagnosticApi(store.session, store.profile, 'watchers').query(
    source.root,
    parsed.flag('yes'),
  );
  if (!report.available)
    throw new AppError('UNSUPPORTED', report.reason ?? 'The store cannot tell who watches.');
  if (report.cost !== null) {
    throw new AppError('CONFIRMATION_REQUIRED', `${report.cost.message} Run again with --yes to list them.`);
  }
  if (parsed.flag('json')) {
    context.print(JSON.stringify(report));
    return 0;
  }
  const count = report.watchers.length;
  context.print(`${report.path}: ${count === 0 ? 'no client watches it' : `${count} watching`}`);
  for (const watcher of report.watchers) context.print(watcherLine(watcher, report.path));
  for (const line of notesLines(report.notes)) context.print(line);
  return 0;
}
