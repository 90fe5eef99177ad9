import {
  AuditEntrySchema,
  AuditQuerySchema,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type AuditQueryParsed,
} from '../../../shared/model/audit.js';
import { AppError } from '../../../shared/errors.js';
import { readLogLines } from './audit.lines.js';

/** Validates a query (times must parse), or rejects with INVALID_INPUT in one sentence. */
export function parseAuditQuery(query: AuditQuery): AuditQueryParsed {
  const parsed = AuditQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `Invalid audit query: ${parsed.error.issues[0]?.message ?? 'unknown'}.`,
    );
  }
  for (const field of ['since', 'until'] as const) {
    const text = parsed.data[field];
    if (text !== undefined && Number.isNaN(Date.parse(text))) {
      throw new AppError('INVALID_INPUT', `Invalid audit query: ${field} must be an ISO time, got ${text}.`);
    }
  }
  return parsed.data;
}

/** Whether an entry matches every field of a query. */
export function auditEntryMatches(entry: AuditEntry, query: AuditQueryParsed): boolean {
  const { connection } = entry;
  if (query.connectionName !== undefined && connection.name !== query.connectionName) return false;
  if (query.connectionId !== undefined && connection.id !== query.connectionId) return false;
  if (query.environment !== undefined && connection.environment !== query.environment) return false;
  if (query.kind !== undefined && connection.kind !== query.kind) return false;
  if (query.operation !== undefined && entry.operation !== query.operation) return false;
  if (query.outcome !== undefined && entry.outcome !== query.outcome) return false;
  if (query.path !== undefined && entry.path !== query.path) return false;
  if (query.pathPrefix !== undefined && !entry.path.startsWith(query.pathPrefix)) return false;
  if (
    query.pathContains !== undefined &&
    !entry.path.toLowerCase().includes(query.pathContains.toLowerCase())
  )
    return false;
  if (query.user !== undefined && entry.user !== query.user) return false;
  const time = Date.parse(entry.time);
  if (query.since !== undefined && !(time >= Date.parse(query.since))) return false;
  if (query.until !== undefined && !(time <= Date.parse(query.until))) return false;
  if (query.syncId !== undefined && String(entry.details?.syncId ?? '') !== query.syncId) return false;
  return true;
}

/**
 * A page of the entries matching `query`, newest first, by reading every file of the log in chain order: the
 * reference the index (which answers the same without reading the log) is tested against.
 */
export async function queryAuditFiles(paths: readonly string[], query: AuditQuery): Promise<AuditPage> {
  const parsed = parseAuditQuery(query);
  const matches: AuditEntry[] = [];
  let total = 0;
  for (const path of paths) {
    for await (const { text, terminated } of readLogLines(path)) {
      if (!terminated) continue;
      total += 1;
      const entry = parseEntry(text);
      if (entry !== null && auditEntryMatches(entry, parsed)) matches.push(entry);
    }
  }
  matches.reverse();
  return {
    entries: matches.slice(parsed.offset, parsed.offset + parsed.limit),
    matched: matches.length,
    total,
  };
}

/** queryAuditFiles over a log of one file. */
export function queryAuditFile(path: string, query: AuditQuery): Promise<AuditPage> {
  return queryAuditFiles([path], query);
}

function parseEntry(text: string): AuditEntry | null {
  try {
    const parsed = AuditEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
