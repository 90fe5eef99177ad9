import type { AuditValue } from '../../../shared/model/audit.js';
import { base64ToBytes, decodeUtf8Strict } from './base64.js';
import { formatBytes } from './format-bytes.js';
import { hexDump } from './hex-dump.js';

/** How an audit value is shown in the before/after diff: text as is, binary as a hex dump. */
export function auditValueText(value: AuditValue | null): string {
  if (value === null) return '';
  if ('omitted' in value) return `(value not kept: ${formatBytes(value.size)}, sha256 ${value.sha256})`;
  if (value.encoding === 'utf8') return value.data;
  const bytes = base64ToBytes(value.data);
  return decodeUtf8Strict(bytes) ?? hexDump(bytes);
}

/** A one-line summary of an audit value for the table: size, or "none". */
export function auditValueSummary(value: AuditValue | null): string {
  if (value === null) return 'none';
  return 'omitted' in value ? `${formatBytes(value.size)} (hash only)` : formatBytes(value.size);
}
