import type { MemberMetric, ServerMember } from '../../shared/model/diagnostics.js';
import { diagnosticApi } from '../core/features/diagnostics.service.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';
import { notesLines } from './notes.lines.js';
import { liveStore } from './live-store.js';

function metricText(metric: MemberMetric): string {
  return `${metric.label} ${metric.value}${metric.unit === 'ms' ? ' ms' : metric.unit === 'bytes' ? ' B' : ''}`;
}

function memberLine(member: ServerMember): string {
  const health = member.up ? 'up' : 'DOWN';
  const facts = member.up
    ? [member.version, ...member.metrics.map(metricText)].filter((fact) => fact !== null)
    : [member.error ?? 'not answering'];
  return `  ${member.name}  ${member.role}  ${health}  ${facts.join(', ')}`;
}

/** `configdeck servers <source>`: the members of the source's cluster and their health; exit 1 when any is down. */
export async function serversCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand('servers', args, COMMON_OPTIONS, {
    min: 1,
    max: 1,
    names: 'one source: configdeck servers <source>',
  });
  if (parsed.flag('help')) return usage(context, 'servers');
  const resolver = context.resolver(parseMilliseconds('servers', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const store = liveStore(source, 'asked for its servers');
  const report = await diagnosticApi(store.session, store.profile, 'servers').health();
  const down = report.members.filter((member) => !member.up).length;
  if (parsed.flag('json')) context.print(JSON.stringify(report));
  else {
    const up = report.members.length - down;
    context.print(`${source.label}: ${up} of ${report.members.length} members up`);
    for (const member of report.members) context.print(memberLine(member));
    for (const disagreement of report.disagreements) context.print(`Disagreement: ${disagreement}`);
    for (const line of notesLines(report.notes)) context.print(line);
  }
  return down > 0 ? 1 : 0;
}
