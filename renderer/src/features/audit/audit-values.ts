import type { AuditEntry, AuditValue } from '../../../../shared/model/audit.js';
import { base64ToBytes, decodeUtf8Strict } from '../../lib/base64.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { MONACO_LANGUAGE } from '../../lib/value-format.js';
import { diffFormat } from '../compare/diff-language.js';

/** The bytes of a value kept whole, or null (no value, or only its digest). */
function bytesOf(value: AuditValue | null): Uint8Array | null {
  if (value === null || 'omitted' in value) return null;
  return value.encoding === 'utf8' ? new TextEncoder().encode(value.data) : base64ToBytes(value.data);
}

/**
 * What the diff cannot show by itself, one sentence per side: no value (the node did not exist), binary
 * shown as a hex dump, or only a digest kept. Plain text needs no sentence.
 */
export function valueSentence(
  side: 'before' | 'after',
  value: AuditValue | null,
  entry: AuditEntry,
): string | null {
  const name = side === 'before' ? 'Before' : 'After';
  if (value === null) {
    if (side === 'before' && entry.operation === 'create') return 'Before: the node did not exist.';
    if (side === 'after' && entry.operation === 'delete') return 'After: the node was deleted.';
    return null;
  }
  if ('omitted' in value) {
    return `${name}: ${formatBytes(value.size)}, too large to keep in the log; only its SHA-256 is kept (${value.sha256.slice(0, 16)}…).`;
  }
  if (value.encoding === 'base64') {
    const bytes = base64ToBytes(value.data);
    return decodeUtf8Strict(bytes) === null
      ? `${name}: ${formatBytes(value.size)} of binary data, shown as a hex dump.`
      : `${name}: ${formatBytes(value.size)}, kept as base64 and shown decoded as UTF-8 text.`;
  }
  return null;
}

/** The Monaco language both sides of an entry's diff are highlighted as. */
export function entryDiffLanguage(entry: AuditEntry): string {
  return MONACO_LANGUAGE[diffFormat(bytesOf(entry.before), bytesOf(entry.after))];
}
