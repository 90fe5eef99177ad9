import { AppError } from '../../shared/errors.js';
import type { AuditEntry } from '../../shared/model/audit.js';
import { COMMON_OPTIONS, parseCommand } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { usage } from './cli.usage.js';
import { auditRevertCommand } from './audit-revert.command.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO time, or a duration ago (`30m`, `12h`, `7d`), as an ISO time. */
export function parseSince(text: string, now: Date = new Date()): string {
  const relative = /^(\d+)([smhd])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!).toISOString();
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new AppError(
      'INVALID_INPUT',
      `--since takes an ISO time or a duration such as 30m, 12h or 7d, not "${text}".`,
    );
  }
  return new Date(time).toISOString();
}

function line(entry: AuditEntry): string {
  const sync = entry.details?.syncId === undefined ? '' : `  sync ${String(entry.details.syncId)}`;
  const error = entry.error ? `  ${entry.error.message}` : '';
  const where = `${entry.connection.name} (${entry.connection.environment})`;
  return `${entry.seq}  ${entry.time}  ${entry.user}@${entry.host}  ${where}  ${entry.operation} ${entry.path}  ${entry.outcome}${sync}${error}`;
}

/** `configdeck audit`: lists entries newest first, or verifies the hash chain (exit 1 when broken). */
export async function auditCommand(args: string[], context: CliContext): Promise<number> {
  if (args[0] === 'revert') return auditRevertCommand(args.slice(1), context);
  const parsed = parseCommand(
    'audit',
    args,
    {
      ...COMMON_OPTIONS,
      verify: { type: 'boolean' },
      connection: { type: 'string' },
      path: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
    },
    { min: 0, max: 0, names: 'no positional arguments' },
  );
  if (parsed.flag('help')) return usage(context, 'audit');
  const store = context.engine.audit;
  const json = parsed.flag('json');
  if (parsed.flag('verify')) {
    const result = await store.verify();
    if (json) context.print(JSON.stringify(result));
    else if (result.firstBroken === null)
      context.print(
        `The audit log is intact (${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}).`,
      );
    else {
      const { seq, line: at, reason } = result.firstBroken;
      context.print(`The audit log is broken at entry ${seq} (line ${at}): ${reason}.`);
    }
    return result.ok ? 0 : 1;
  }
  const limitText = parsed.text('limit');
  if (limitText !== undefined && !/^\d{1,5}$/.test(limitText)) {
    throw new AppError(
      'INVALID_INPUT',
      `--limit takes a number of entries (1 to 10000), not "${limitText}".`,
    );
  }
  const connection = parsed.text('connection');
  const path = parsed.text('path');
  const since = parsed.text('since');
  const { entries } = await store.list({
    ...(connection !== undefined ? { connectionName: connection } : {}),
    ...(path !== undefined ? { pathPrefix: path } : {}),
    ...(since !== undefined ? { since: parseSince(since) } : {}),
    ...(limitText !== undefined ? { limit: Number(limitText) } : {}),
  });
  if (json) context.print(JSON.stringify(entries));
  else for (const entry of entries) context.print(line(entry));
  return 0;
}
