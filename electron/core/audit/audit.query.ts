import {
  AuditEntrySchema,
  AuditQuerySchema,
  type AuditEntry,
  type AuditQuery,
} from '../../../shared/model/audit.js';
import { AppError } from '../../../shared/errors.js';
import { readLogLines } from './audit.lines.js';

interface Filter {
  connectionName: string | undefined;
  pathPrefix: string | undefined;
  sinceMs: number | null;
  /** Substrings every matching line contains (lines are canonical JSON), checked before parsing. */
  needles: string[];
}

/**
 * The newest entries matching `query`, newest first. Streams the file and keeps only the newest `limit`
 * matches in a ring, so memory stays bounded however long the log is. Lines that are not entries (a write
 * in progress, a damaged line) are skipped here; verify reports them.
 */
export async function queryAuditFile(path: string, query: AuditQuery): Promise<AuditEntry[]> {
  const { filter, limit } = parseQuery(query);
  const ring = new Array<Record<string, unknown>>(limit);
  let count = 0;
  for await (const { text, terminated } of readLogLines(path)) {
    if (!terminated || !filter.needles.every((needle) => text.includes(needle))) continue;
    const raw = parseObject(text);
    if (raw === null || !matches(raw, filter)) continue;
    ring[count % limit] = raw;
    count += 1;
  }
  // Full validation only for what is returned: the scan itself stays cheap on a 100k-entry log.
  const result: AuditEntry[] = [];
  for (let i = count - 1; i >= Math.max(0, count - limit); i -= 1) {
    const parsed = AuditEntrySchema.safeParse(ring[i % limit]);
    if (parsed.success) result.push(parsed.data);
  }
  return result;
}

function parseQuery(query: AuditQuery): { filter: Filter; limit: number } {
  const parsed = AuditQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `Invalid audit query: ${parsed.error.issues[0]?.message ?? 'unknown'}.`,
    );
  }
  const { connectionName, pathPrefix, since, limit } = parsed.data;
  const sinceMs = since === undefined ? null : Date.parse(since);
  if (sinceMs !== null && Number.isNaN(sinceMs)) {
    throw new AppError('INVALID_INPUT', `Invalid audit query: since must be an ISO time, got ${since}.`);
  }
  const needles: string[] = [];
  if (connectionName !== undefined) needles.push(`"name":${JSON.stringify(connectionName)}`);
  // The prefix as it appears inside a JSON string: its encoding without the closing quote.
  if (pathPrefix !== undefined) needles.push(`"path":${JSON.stringify(pathPrefix).slice(0, -1)}`);
  return { filter: { connectionName, pathPrefix, sinceMs, needles }, limit };
}

function matches(raw: Record<string, unknown>, filter: Filter): boolean {
  if (filter.connectionName !== undefined) {
    const connection = raw.connection as { name?: unknown } | null | undefined;
    if (typeof connection !== 'object' || connection === null || connection.name !== filter.connectionName)
      return false;
  }
  if (
    filter.pathPrefix !== undefined &&
    !(typeof raw.path === 'string' && raw.path.startsWith(filter.pathPrefix))
  ) {
    return false;
  }
  if (filter.sinceMs !== null && !(typeof raw.time === 'string' && Date.parse(raw.time) >= filter.sinceMs))
    return false;
  return true;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
