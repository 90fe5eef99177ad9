import { createHash } from 'node:crypto';
import type { AuditValue } from '../../../shared/model/audit.js';

/** The bytes of a value the audit log kept whole, or null (no value, or only its digest). */
export function auditBytes(value: AuditValue | null): Buffer | null {
  if (value === null || 'omitted' in value) return null;
  return Buffer.from(value.data, value.encoding);
}

/** Hex SHA-256 of a value as the audit log knows it (kept whole or as its digest). */
export function auditSha256(value: AuditValue): string {
  if ('omitted' in value) return value.sha256;
  return sha256(Buffer.from(value.data, value.encoding));
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
export const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

/** The value now is the one the audit log recorded (bytes when kept whole, else the digest). */
export function sameAsAudited(now: Buffer, audited: AuditValue): boolean {
  if ('omitted' in audited) return sha256(now) === audited.sha256;
  return Buffer.from(audited.data, audited.encoding).equals(now);
}
