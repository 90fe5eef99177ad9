import { createHash } from 'node:crypto';
import { AuditEntrySchema, type AuditEntry } from '../../../shared/model/audit.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { AUDIT_SENTENCES } from '../../../shared/sentences/audit.js';

/** The prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical JSON form that hashes are computed over: object keys in ascending UTF-16 code unit order
 * (Array.prototype.sort), no whitespace, properties whose value is undefined left out, arrays in order, and
 * strings and numbers exactly as JSON.stringify writes them. Each log line is an entry in this form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** sha256 (hex) of the canonical JSON of an entry without its `hash` field. */
export function hashEntry(entry: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

export type ParsedLine =
  { ok: true; entry: AuditEntry; raw: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Parses one log line. `raw` is the object exactly as written (the schema drops unknown keys, so hashes
 * are checked against `raw`, where an added field would show).
 */
export function parseAuditLine(text: string): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason:
        text.trim() === '' ? say(AUDIT_SENTENCES, 'verifyEmptyLine') : say(AUDIT_SENTENCES, 'verifyNotJson'),
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: say(AUDIT_SENTENCES, 'verifyNotObject') };
  const parsed = AuditEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: issue
        ? say(AUDIT_SENTENCES, 'verifyNotEntry', {
            field: issue.path.join('.') || 'entry',
            problem: issue.message,
          })
        : say(AUDIT_SENTENCES, 'verifyNotEntryInvalid'),
    };
  }
  return { ok: true, entry: parsed.data, raw: raw as Record<string, unknown> };
}
