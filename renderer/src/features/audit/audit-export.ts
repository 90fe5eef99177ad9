import {
  AUDIT_EXPORT_MAX,
  type AuditExport,
  type AuditExportFormat,
} from '../../../../shared/model/audit.js';
import { countOf, formatCount } from '../../lib/format-bytes.js';

export const EXPORT_MIME: Record<AuditExportFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
};

/** A file name for an export: `configdeck-audit-20260102-120304.csv`. */
export function auditExportFileName(format: AuditExportFormat, nowMs: number): string {
  const d = new Date(nowMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `configdeck-audit-${stamp}.${format}`;
}

/** What an export carried, in one sentence (and why it is not everything when truncated). */
export function exportSentence(result: AuditExport, format: AuditExportFormat, fileName: string): string {
  if (result.truncated) {
    return `Exported the newest ${formatCount(result.count)} matching entries to ${fileName}: an export from the window carries at most ${formatCount(AUDIT_EXPORT_MAX)}; narrow the filters, or use \`configdeck audit --format ${format}\` for all.`;
  }
  return `Exported ${countOf(result.count, 'entry', 'entries')} to ${fileName}.`;
}
