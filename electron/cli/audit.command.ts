import { AppError } from '../../shared/errors.js';
import {
  AUDIT_EXPORT_FORMATS,
  AUDIT_OPERATIONS,
  AUDIT_OUTCOMES,
  type AuditEntry,
  type AuditFilter,
  type AuditVerifyResult,
} from '../../shared/model/audit.js';
import { BackendKindSchema, ENVIRONMENTS } from '../../shared/model/connection.js';
import { COMMON_OPTIONS, parseCommand, type ParsedCommand } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { usage } from './cli.usage.js';
import { auditRevertCommand } from './audit-revert.command.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Lines printed at once while streaming an export. */
const PRINT_BATCH = 2000;

/** An ISO time, or a duration ago (`30m`, `12h`, `7d`), as an ISO time; `flag` names the option in errors. */
export function parseSince(text: string, now: Date = new Date(), flag = '--since'): string {
  const relative = /^(\d+)([smhd])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!).toISOString();
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new AppError(
      'INVALID_INPUT',
      `${flag} takes an ISO time or a duration such as 30m, 12h or 7d, not "${text}".`,
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

/** The value of an option that takes one of a few words, or undefined; anything else is one sentence. */
function oneOf<T extends string>(parsed: ParsedCommand, flag: string, values: readonly T[]): T | undefined {
  const text = parsed.text(flag);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text)) {
    throw new AppError('INVALID_INPUT', `--${flag} takes ${values.join(', ')}, not "${text}".`);
  }
  return text as T;
}

/** The filter the options name (every option narrows: AND). */
function filterOf(parsed: ParsedCommand): AuditFilter {
  const filter: AuditFilter = {};
  const connection = parsed.text('connection');
  const path = parsed.text('path');
  const contains = parsed.text('contains');
  const user = parsed.text('user');
  const since = parsed.text('since');
  const until = parsed.text('until');
  const operation = oneOf(parsed, 'operation', AUDIT_OPERATIONS);
  const outcome = oneOf(parsed, 'outcome', AUDIT_OUTCOMES);
  const environment = oneOf(parsed, 'env', ENVIRONMENTS);
  const kind = oneOf(parsed, 'kind', BackendKindSchema.options);
  if (connection !== undefined) filter.connectionName = connection;
  if (path !== undefined) filter.pathPrefix = path;
  if (contains !== undefined) filter.pathContains = contains;
  if (user !== undefined) filter.user = user;
  if (since !== undefined) filter.since = parseSince(since);
  if (until !== undefined) filter.until = parseSince(until, new Date(), '--until');
  if (operation !== undefined) filter.operation = operation;
  if (outcome !== undefined) filter.outcome = outcome;
  if (environment !== undefined) filter.environment = environment;
  if (kind !== undefined) filter.kind = kind;
  return filter;
}

function printVerify(context: CliContext, result: AuditVerifyResult, json: boolean): number {
  if (json) context.print(JSON.stringify(result));
  else if (result.firstBroken === null) {
    const count = `${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}`;
    const files = result.files > 1 ? ` in ${result.files} files` : '';
    context.print(`The audit log is intact (${count}${files}).`);
  } else {
    const { seq, line: at, reason, file } = result.firstBroken;
    context.print(`The audit log is broken at entry ${seq} (${file}, line ${at}): ${reason}.`);
  }
  return result.ok ? 0 : 1;
}

/**
 * `configdeck audit`: lists entries newest first (filtered), streams them all as JSON Lines or CSV, or
 * verifies the hash chain across every log file (exit 1 when broken).
 */
export async function auditCommand(args: string[], context: CliContext): Promise<number> {
  // Sub-commands branch off before the list's options are parsed.
  if (args[0] === 'revert') return auditRevertCommand(args.slice(1), context);
  const parsed = parseCommand(
    'audit',
    args,
    {
      ...COMMON_OPTIONS,
      verify: { type: 'boolean' },
      connection: { type: 'string' },
      path: { type: 'string' },
      contains: { type: 'string' },
      user: { type: 'string' },
      operation: { type: 'string' },
      outcome: { type: 'string' },
      env: { type: 'string' },
      kind: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
    },
    { min: 0, max: 0, names: 'no positional arguments' },
  );
  if (parsed.flag('help')) return usage(context, 'audit');
  const store = context.engine.audit;
  const json = parsed.flag('json');
  if (parsed.flag('verify')) return printVerify(context, await store.verify(), json);
  const limitText = parsed.text('limit');
  if (
    limitText !== undefined &&
    !(/^\d{1,5}$/.test(limitText) && Number(limitText) >= 1 && Number(limitText) <= 10000)
  ) {
    throw new AppError(
      'INVALID_INPUT',
      `--limit takes a number of entries (1 to 10000), not "${limitText}".`,
    );
  }
  const filter = filterOf(parsed);
  const format = oneOf(parsed, 'format', AUDIT_EXPORT_FORMATS);
  if (format !== undefined) {
    if (json) throw new AppError('INVALID_INPUT', '--json and --format cannot be used together.');
    // Every match, page by page (no cap unless --limit), so a pipeline can take the whole log.
    let batch: string[] = [];
    for await (const text of store.exportLines(
      filter,
      format,
      limitText === undefined ? undefined : Number(limitText),
    )) {
      batch.push(text);
      if (batch.length === PRINT_BATCH) {
        context.print(batch.join('\n'));
        batch = [];
        await context.drained();
      }
    }
    if (batch.length > 0) context.print(batch.join('\n'));
    return 0;
  }
  const { entries } = await store.list({
    ...filter,
    ...(limitText !== undefined ? { limit: Number(limitText) } : {}),
  });
  if (json) context.print(JSON.stringify(entries));
  else for (const entry of entries) context.print(line(entry));
  return 0;
}
