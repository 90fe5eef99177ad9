import type { AuditEntry } from '../../../shared/model/audit.js';

/** The CSV columns of an export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'time',
  'user',
  'host',
  'connection',
  'environment',
  'kind',
  'operation',
  'path',
  'outcome',
  'error',
  'syncId',
  'revertOf',
  'beforeSize',
  'afterSize',
] as const;

export const AUDIT_CSV_HEADER = AUDIT_CSV_COLUMNS.join(',');

/** One entry as a CSV record (RFC 4180: a field holding a comma, quote, CR or LF is quoted, quotes doubled). */
export function auditCsvLine(entry: AuditEntry): string {
  const fields: Array<string | number | boolean | undefined> = [
    entry.seq,
    entry.time,
    entry.user,
    entry.host,
    entry.connection.name,
    entry.connection.environment,
    entry.connection.kind,
    entry.operation,
    entry.path,
    entry.outcome,
    entry.error ? `${entry.error.code}: ${entry.error.message}` : '',
    entry.details?.syncId,
    entry.details?.revertOf,
    entry.before?.size,
    entry.after?.size,
  ];
  return fields.map(csvField).join(',');
}

function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
