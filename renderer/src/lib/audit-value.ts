import type { TFunction } from 'i18next';
import type { AuditValue } from '../../../shared/model/audit.js';
import type { LocaleFormats } from '../i18n/locale-formats.js';
import { base64ToBytes, decodeUtf8Strict } from './base64.js';
import { hexDump } from './hex-dump.js';

/**
 * How an audit value is shown in the before/after diff: text as is, binary as a hex dump, a value the log
 * did not keep (too large) as a note with its size and hash in the UI's language.
 */
export function auditValueText(
  value: AuditValue | null,
  t: TFunction<'audit'>,
  format: LocaleFormats,
): string {
  if (value === null) return '';
  if ('omitted' in value)
    return t('auditValue.notKept', { size: format.bytes(value.size), sha256: value.sha256 });
  if (value.encoding === 'utf8') return value.data;
  const bytes = base64ToBytes(value.data);
  return decodeUtf8Strict(bytes) ?? hexDump(bytes);
}
