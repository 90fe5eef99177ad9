import type { TFunction } from 'i18next';
import type { AuditEntry, AuditValue } from '../../../../shared/model/audit.js';
import { base64ToBytes, decodeUtf8Strict } from '../../lib/base64.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
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
  t: TFunction<'audit'>,
  f: LocaleFormats,
): string | null {
  const name = t(`valueSentence.${side}`);
  if (value === null) {
    if (side === 'before' && entry.operation === 'create') return t('valueSentence.notExisting');
    if (side === 'after' && entry.operation === 'delete') return t('valueSentence.deleted');
    return null;
  }
  const size = f.bytes(value.size);
  if ('omitted' in value) {
    return t('valueSentence.omitted', { name, size, sha256: value.sha256.slice(0, 16) });
  }
  if (value.encoding === 'base64') {
    const bytes = base64ToBytes(value.data);
    return decodeUtf8Strict(bytes) === null
      ? t('valueSentence.binary', { name, size })
      : t('valueSentence.base64', { name, size });
  }
  return null;
}

/** The Monaco language both sides of an entry's diff are highlighted as. */
export function entryDiffLanguage(entry: AuditEntry): string {
  return MONACO_LANGUAGE[diffFormat(bytesOf(entry.before), bytesOf(entry.after))];
}
