import type { TFunction } from 'i18next';
import {
  AUDIT_EXPORT_MAX,
  type AuditExport,
  type AuditExportFormat,
} from '../../../../shared/model/audit.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';

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
export function exportSentence(
  result: AuditExport,
  format: AuditExportFormat,
  fileName: string,
  t: TFunction<'audit'>,
  f: LocaleFormats,
): string {
  if (result.truncated) {
    return t('exportSentence.truncated', {
      n: f.count(result.count),
      fileName,
      max: f.count(AUDIT_EXPORT_MAX),
      // i18n-exempt: a CLI command line, which stays English
      command: `configdeck audit --format ${format}`,
    });
  }
  return t('exportSentence.all', { count: result.count, n: f.count(result.count), fileName });
}
