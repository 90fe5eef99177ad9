import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { AuditValue } from '../../../shared/model/audit.js';

/** Values up to this many bytes are kept whole in the log; larger ones only as size and digest. */
export const AUDIT_VALUE_MAX_BYTES = 64 * 1024;

/** How a node value is kept in the audit log: text when it is UTF-8, base64 when binary, a digest when large. */
export function toAuditValue(value: Buffer | null): AuditValue | null {
  if (value === null) return null;
  if (value.length > AUDIT_VALUE_MAX_BYTES) {
    return { omitted: true, size: value.length, sha256: createHash('sha256').update(value).digest('hex') };
  }
  return isUtf8(value)
    ? { encoding: 'utf8', data: value.toString('utf8'), size: value.length }
    : { encoding: 'base64', data: value.toString('base64'), size: value.length };
}
