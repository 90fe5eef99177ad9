import type { AuditEntry } from '../../../shared/model/audit.js';

/** Detail keys that look like they hold a credential (aclToken, dbPassword, clientSecret…). */
const SECRET_KEY = /password|passwd|token|secret/i;

export const REDACTED = '[redacted]';

/**
 * Defence in depth: callers never pass secrets to the audit log, but if a detail named like one slips in,
 * its value is replaced so it cannot reach the disk.
 */
export function redactDetails(details: AuditEntry['details']): AuditEntry['details'] {
  if (details === null) return null;
  const redacted: NonNullable<AuditEntry['details']> = {};
  for (const [key, value] of Object.entries(details)) redacted[key] = SECRET_KEY.test(key) ? REDACTED : value;
  return redacted;
}
